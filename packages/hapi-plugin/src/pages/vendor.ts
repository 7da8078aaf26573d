import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { locales, type Locale } from '@dukaan-kit/core/i18n';
import { ConflictError, RateLimitedError, UnauthenticatedError, ValidationFailedError } from '@dukaan-kit/core';
import { i18nOf, type FieldErrors, type PageContext } from '@dukaan-kit/storefront-ui';
import { logIn, signUp } from '../auth/log-in.js';
import { endSession } from '../auth/strategies.js';
import type { Runtime } from '../runtime.js';
import { pageContext } from './context.js';
import { noStore, pageRoute, presented, privatePage, seeOther } from './define.js';
import { field, fieldErrors, safeNext, tooManyAttempts as tooMany } from './forms.js';
import { languageLinks, visitorLocale } from './locale.js';

/**
 * The context of a page for visitors who have no store yet: their language, and the chooser.
 * `bareLinks`: the chooser links to the path alone, for a page that must not repeat its query
 * (a used link's token).
 */
export function visitorContext(runtime: Runtime, request: Request, h: ResponseToolkit, bareLinks = false): PageContext & { locale: Locale } {
  const links = bareLinks ? (Object.fromEntries(locales.map((l) => [l, `${request.url.pathname}?lang=${l}`])) as Record<Locale, string>) : languageLinks(request);
  const ctx = pageContext(runtime, request, h, { languageLinks: links });
  // pageContext has already put `?done=` (logged out, password reset…) in the page's language.
  return { ...ctx, locale: ctx.locale ?? 'en' };
}

function signupForm(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  return privatePage(h, { page: 'signup', props: { ctx: visitorContext(runtime, request, h), ...extra } }, status);
}

async function signUpPost(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { email: field(request.payload, 'email'), storeName: field(request.payload, 'storeName'), slug: field(request.payload, 'slug') };
  const locale = visitorLocale(runtime, request, h);
  const again = (error: unknown, errors: FieldErrors) => presented(signupForm(runtime, request, h, 200, { values, errors }), error);
  const slug = values.slug.trim();
  try {
    // A vendor signing up in Hindi gets a Hindi dashboard and store from the start (both can change later).
    await signUp(runtime, request, h, { email: values.email, password: field(request.payload, 'password'), storeName: values.storeName, locale, ...(slug ? { slug } : {}) });
    return noStore(seeOther(runtime, h, '/dashboard?done=welcome')); // sets the session cookies
  } catch (error) {
    if (error instanceof ValidationFailedError) return again(error, fieldErrors(error.details, undefined, locale));
    if (error instanceof ConflictError) {
      const errors = fieldErrors(error.details, undefined, locale);
      return again(error, Object.keys(errors).length > 0 ? errors : { form: error.message });
    }
    if (error instanceof RateLimitedError) return again(error, { form: tooMany(error, locale) });
    throw error;
  }
}

function nextOf(runtime: Runtime, value: unknown): string | null {
  return safeNext(runtime.prefix, typeof value === 'string' ? value : '');
}

function loginPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const next = nextOf(runtime, request.query['next']);
  if (request.auth.isAuthenticated) return h.redirect(next ?? `${runtime.prefix}/dashboard`).code(303);
  return privatePage(h, { page: 'login', props: { ctx: visitorContext(runtime, request, h), ...(next ? { next } : {}) } });
}

async function logInPost(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const email = field(request.payload, 'email');
  const next = nextOf(runtime, field(request.payload, 'next'));
  const ctx = visitorContext(runtime, request, h);
  const again = (error: unknown, errors: FieldErrors) => presented(privatePage(h, { page: 'login', props: { ctx, values: { email }, errors, ...(next ? { next } : {}) } }), error);
  try {
    await logIn(runtime, request, h, { email, password: field(request.payload, 'password') });
    return noStore(h.redirect(next ?? `${runtime.prefix}/dashboard`).code(303)); // sets the session cookies
  } catch (error) {
    if (error instanceof ValidationFailedError) return again(error, fieldErrors(error.details, undefined, ctx.locale));
    if (error instanceof UnauthenticatedError) return again(error, { form: i18nOf(ctx.locale).t('auth.error.wrongLogin') });
    if (error instanceof RateLimitedError) return again(error, { form: tooMany(error, ctx.locale) });
    throw error;
  }
}

async function logOut(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await endSession(runtime, request, h);
  return noStore(seeOther(runtime, h, '/login?done=logged-out')); // clears the session cookies
}

/** Sign up, log in, log out: the vendor's way into the dashboard. */
export function vendorRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/signup',
      auth: 'optional',
      handler: (request, h) => (request.auth.isAuthenticated ? seeOther(runtime, h, '/dashboard') : signupForm(runtime, request, h)),
    }),
    pageRoute(runtime, { method: 'POST', path: '/signup', handler: (request, h) => signUpPost(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/login', auth: 'optional', handler: (request, h) => loginPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/login', handler: (request, h) => logInPost(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/logout', auth: 'optional', handler: (request, h) => logOut(runtime, request, h) }),
  ];
}
