import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { MailUnavailableError, RateLimitedError, TokenInvalidError, ValidationFailedError } from '@dukaan-kit/core';
import { i18nOf, type FieldErrors } from '@dukaan-kit/storefront-ui';
import { clearCookie } from '../cookies.js';
import { clientOf, type Runtime } from '../runtime.js';
import { noReferrer, noStore, pageRoute, presented, privatePage, seeOther } from './define.js';
import { field, fieldErrors, tooManyAttempts } from './forms.js';
import { liveLinkToken } from './link-token.js';
import { visitorContext } from './vendor.js';

interface ForgotExtra {
  values?: { email: string };
  errors?: FieldErrors;
  sent?: boolean;
}

function forgotPage(runtime: Runtime, request: Request, h: ResponseToolkit, extra: ForgotExtra = {}) {
  return privatePage(h, { page: 'forgot-password', props: { ctx: visitorContext(runtime, request, h), ...extra } });
}

/** Asks core for a link; the page then says "check your inbox" whether or not the email has an account. */
async function forgotPost(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { email: field(request.payload, 'email') };
  const { locale } = visitorContext(runtime, request, h);
  const again = (error: unknown, errors: FieldErrors) => presented(forgotPage(runtime, request, h, { values, errors }), error);
  try {
    await runtime.dukaan.vendors.requestPasswordReset(values, { clientAddress: clientOf(runtime, request) });
  } catch (error) {
    if (error instanceof ValidationFailedError) return again(error, fieldErrors(error.details, undefined, locale));
    if (error instanceof RateLimitedError) return again(error, { form: tooManyAttempts(error, locale) });
    if (error instanceof MailUnavailableError) return again(error, { form: i18nOf(locale).t('auth.error.mailUnavailable') });
    throw error;
  }
  return forgotPage(runtime, request, h, { sent: true });
}

interface ResetExtra {
  invalid?: boolean;
  errors?: FieldErrors;
}

/** The reset page; its URL (or its form) holds the token, so it sends no Referer anywhere. */
function resetPage(runtime: Runtime, request: Request, h: ResponseToolkit, token: string, extra: ResetExtra = {}, status = 200) {
  // A used link's page does not repeat the token, not even in the chooser's links.
  const ctx = visitorContext(runtime, request, h, extra.invalid === true);
  return noReferrer(privatePage(h, { page: 'reset-password', props: { ctx, token: extra.invalid ? '' : token, ...extra } }, status));
}

/** The mailed link's page: the new-password form, or at once the "link no longer works" page for a token that cannot be one. */
async function resetGet(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const token = await liveLinkToken(runtime, request.query['token'], 'password_reset');
  return token === null ? resetPage(runtime, request, h, '', { invalid: true }, 400) : resetPage(runtime, request, h, token);
}

/**
 * Sets the new password. Core checks it against the policy before it spends the token, so a
 * weak password shows the form again with the same link still working. Every session ends: this
 * browser's cookie goes too, and the vendor logs in afresh.
 */
async function resetPost(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const token = field(request.payload, 'token');
  const { locale } = visitorContext(runtime, request, h);
  try {
    await runtime.dukaan.vendors.resetPassword({ token, password: field(request.payload, 'password') });
  } catch (error) {
    const invalid = error instanceof TokenInvalidError || (error instanceof ValidationFailedError && error.details.some((d) => d.path === 'token'));
    if (invalid) return resetPage(runtime, request, h, token, { invalid: true }, 400);
    if (error instanceof ValidationFailedError) return presented(resetPage(runtime, request, h, token, { errors: fieldErrors(error.details, undefined, locale) }), error);
    if (error instanceof RateLimitedError) return presented(resetPage(runtime, request, h, token, { errors: { form: tooManyAttempts(error, locale) } }), error);
    throw error;
  }
  clearCookie(runtime, request, h, runtime.options.cookie.name);
  return noReferrer(noStore(seeOther(runtime, h, '/login?done=password-reset')));
}

/** Forgot password and the reset link's page: both work without JavaScript and without a login. */
export function passwordResetPageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/forgot-password', handler: (request, h) => forgotPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/forgot-password', handler: (request, h) => forgotPost(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/reset-password', handler: (request, h) => resetGet(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/reset-password', handler: (request, h) => resetPost(runtime, request, h) }),
  ];
}
