import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { RateLimitedError, ValidationFailedError } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import { clearCookie } from '../cookies.js';
import { principalOf, type Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { privateHtml } from './dashboard-page.js';
import { noStore, pageRoute, presented, seeOther } from './define.js';
import { field, fieldErrors, tooManyAttempts } from './forms.js';

/** What closing takes away and keeps, and the password to confirm it. */
async function closePage(runtime: Runtime, request: Request, h: ResponseToolkit, errors?: FieldErrors) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  return privateHtml(h, { page: 'close-account', props: { ctx, storeName: store.name, ...(errors ? { errors } : {}) } });
}

/** Closes the account; the session is gone with it, so the cookie goes and the browser lands on the login page. */
async function closeAccount(runtime: Runtime, request: Request, h: ResponseToolkit) {
  try {
    await runtime.dukaan.vendors.closeAccount(principalOf(request), { password: field(request.payload, 'password') });
  } catch (error) {
    if (error instanceof ValidationFailedError) return presented(await closePage(runtime, request, h, fieldErrors(error.details, (p) => (p === 'password' || p === 'currentPassword' ? 'password' : null))), error);
    if (error instanceof RateLimitedError) return presented(await closePage(runtime, request, h, { form: tooManyAttempts(error) }), error);
    throw error;
  }
  clearCookie(runtime, request, h, runtime.options.cookie.name);
  return noStore(seeOther(runtime, h, '/login?done=account-closed'));
}

/** Closing the account, behind its own page so it is never one click away. */
export function dashboardCloseRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/account/close', auth: 'vendor', handler: (request, h) => closePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/close', auth: 'vendor', handler: (request, h) => closeAccount(runtime, request, h) }),
  ];
}
