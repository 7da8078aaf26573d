import type { ServerRoute } from '@hapi/hapi';
import { ConflictError, RateLimitedError, UnauthenticatedError, ValidationFailedError } from '@dukaan-kit/core';
import { endSession, startSession } from '../auth/strategies.js';
import { limitSignup, logInLimited } from '../routes/vendor-auth.js';
import { clientOf, type Runtime } from '../runtime.js';
import { pageContext } from './context.js';
import { html, pageRoute, seeOther } from './define.js';
import { field, fieldErrors, fieldLabels, safeNext } from './forms.js';

const tooMany = (error: RateLimitedError) => `Too many attempts. Please try again in ${error.retryAfterSeconds} seconds.`;

/** Sign up, log in, log out: the vendor's way into the dashboard. */
export function vendorRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan, prefix } = runtime;
  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/signup',
      auth: 'optional',
      handler: (request, h) => {
        if (request.auth.isAuthenticated) return seeOther(runtime, h, '/dashboard');
        return html(h, { page: 'signup', props: { ctx: pageContext(runtime, request, h) } }).header('cache-control', 'no-store');
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/signup',
      handler: async (request, h) => {
        const values = { email: field(request.payload, 'email'), storeName: field(request.payload, 'storeName'), slug: field(request.payload, 'slug') };
        const again = (status: number, errors: Record<string, string>) =>
          html(h, { page: 'signup', props: { ctx: pageContext(runtime, request, h), values, errors } }, status).header('cache-control', 'no-store');
        try {
          await limitSignup(runtime, clientOf(runtime, request));
          const slug = values.slug.trim();
          const { vendor, store } = await dukaan.vendors.signUp({
            email: values.email,
            password: field(request.payload, 'password'),
            storeName: values.storeName,
            ...(slug ? { slug } : {}),
          });
          await startSession(runtime, h, { vendorId: vendor.id, storeId: store.id });
          return seeOther(runtime, h, '/dashboard?done=welcome');
        } catch (error) {
          if (error instanceof ValidationFailedError) return again(400, fieldErrors(error.details, undefined, fieldLabels.signup));
          if (error instanceof ConflictError) {
            const errors = fieldErrors(error.details, undefined, fieldLabels.signup);
            if (errors['email']) errors['email'] = 'An account with this email already exists. Log in instead?';
            return again(409, Object.keys(errors).length > 0 ? errors : { form: error.message });
          }
          if (error instanceof RateLimitedError) return again(429, { form: tooMany(error) }).header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/login',
      auth: 'optional',
      handler: (request, h) => {
        const next = safeNext(prefix, typeof request.query['next'] === 'string' ? request.query['next'] : '');
        if (request.auth.isAuthenticated) return h.redirect(next ?? `${prefix}/dashboard`).code(303);
        return html(h, { page: 'login', props: { ctx: pageContext(runtime, request, h), ...(next ? { next } : {}) } }).header('cache-control', 'no-store');
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/login',
      handler: async (request, h) => {
        const email = field(request.payload, 'email');
        const next = safeNext(prefix, field(request.payload, 'next'));
        const again = (status: number, errors: Record<string, string>) =>
          html(h, { page: 'login', props: { ctx: pageContext(runtime, request, h), values: { email }, errors, ...(next ? { next } : {}) } }, status).header(
            'cache-control',
            'no-store',
          );
        try {
          // Failed logins count per address and account; a blocked one is refused before the password check.
          const { vendor, store } = await logInLimited(runtime, clientOf(runtime, request), { email, password: field(request.payload, 'password') });
          await startSession(runtime, h, { vendorId: vendor.id, storeId: store.id });
          return h.redirect(next ?? `${prefix}/dashboard`).code(303);
        } catch (error) {
          if (error instanceof ValidationFailedError) return again(400, fieldErrors(error.details, undefined, fieldLabels.login));
          if (error instanceof UnauthenticatedError) return again(401, { form: 'The email or password is not right.' });
          if (error instanceof RateLimitedError) return again(429, { form: tooMany(error) }).header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/logout',
      auth: 'optional',
      handler: async (request, h) => {
        await endSession(runtime, request, h);
        return seeOther(runtime, h, '/login?done=logged-out');
      },
    }),
  ];
}
