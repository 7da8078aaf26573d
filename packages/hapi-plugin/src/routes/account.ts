import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { accountPatchSchema, closeAccountSchema, emailConfirmSchema, passwordChangeSchema, type AccountPatchInput } from '@dukaan-kit/core';
import { keepDeviceAfterPasswordChange } from '../auth/log-in.js';
import { clearCookie } from '../cookies.js';
import { presentStore } from '../presenters.js';
import { baseUrl, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { emailChangeBody, meBody } from './response-schemas.js';

const wrongPassword = 'VALIDATION_FAILED: a bad field, or the current password is not right (details name the field)';
const counted = 'RATE_LIMITED: too many wrong current passwords from this session, or for this account from all its sessions (failed logins are counted apart)';

async function changePassword(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.vendors.changePassword(principalOf(request), request.payload);
  await keepDeviceAfterPasswordChange(runtime, request, h);
  return h.response().code(204);
}

/**
 * `locale` changes at once; `email` starts a change confirmed by mail (202). With both, the email
 * request runs first, so a wrong current password changes nothing.
 */
async function patchAccount(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { locale, email, currentPassword } = request.payload as AccountPatchInput;
  const principal = principalOf(request);
  const pending = email === undefined ? null : await runtime.dukaan.vendors.requestEmailChange(principal, { email, currentPassword });
  const account = locale === undefined ? null : await runtime.dukaan.vendors.updateAccount(principal, { locale });
  if (pending) {
    const message = `We sent a link to ${pending.pendingEmail}. Your email changes when you follow it; until then you log in with the old one.`;
    return h.response({ pendingEmail: pending.pendingEmail, message }).code(202);
  }
  const { vendor, store } = account ?? (await runtime.dukaan.vendors.getAccount(principal));
  return { vendor, store: presentStore(store, baseUrl(runtime, request)) };
}

async function confirmEmailChange(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.vendors.confirmEmailChange(request.payload);
  return h.response().code(204);
}

/** Closes the account; the session is gone with it, so its cookie goes too. */
async function closeAccount(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.vendors.closeAccount(principalOf(request), request.payload);
  clearCookie(runtime, request, h, runtime.options.cookie.name);
  return h.response().code(204);
}

const noBody = { description: 'Done', body: null };

/** The vendor's own account: language, password, email (confirmed by mail), closing it. */
export function accountRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/me/password',
      description: 'Change the password; every other session ends, this one stays, and the vendor is told by mail',
      auth: true,
      private: true,
      payload: passwordChangeSchema,
      responses: { ok: { 204: noBody }, errors: { 400: wrongPassword, 429: counted } },
      handler: (request, h) => changePassword(runtime, request, h),
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/me',
      description:
        "Change the vendor's own settings. `locale` (en or hi: the dashboard's and their mails' language) changes at once (200). `email` with `currentPassword` starts an email change: a confirmation link goes to the new address and a notice to the old; nothing changes until the link is followed (202)",
      auth: true,
      private: true,
      payload: accountPatchSchema,
      responses: {
        ok: {
          200: { description: 'The language is changed: the vendor and their store', body: meBody },
          202: { description: 'The confirmation link is on its way (the language, when given, is changed too)', body: emailChangeBody },
        },
        errors: { 400: wrongPassword, 429: 'RATE_LIMITED: too many wrong current passwords, or too many email changes this hour', 503: 'MAIL_UNAVAILABLE: this server sends no mail' },
      },
      handler: (request, h) => patchAccount(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/me/email/confirm',
      description: "Confirm an email change with the link's token (no login needed: the token proves the mailbox)",
      auth: false,
      private: true,
      payload: emailConfirmSchema,
      responses: {
        ok: { 204: noBody },
        errors: { 400: 'TOKEN_INVALID: the token is unknown, used or expired', 409: 'CONFLICT: another account took that email meanwhile' },
      },
      handler: (request, h) => confirmEmailChange(runtime, request, h),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/me',
      description: "Close the account: the store goes offline at once, customers' personal data is erased, totals stay for tax",
      auth: true,
      private: true,
      payload: closeAccountSchema,
      responses: { ok: { 204: { description: 'Closed; the session cookie is cleared', body: null } }, errors: { 400: 'VALIDATION_FAILED: the password is missing or not right (details: password)', 429: counted } },
      handler: (request, h) => closeAccount(runtime, request, h),
    }),
  ];
}
