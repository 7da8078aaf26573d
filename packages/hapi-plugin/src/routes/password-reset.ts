import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { passwordResetRequestSchema, passwordResetSchema } from '@dukaan-kit/core';
import { clientOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { acceptedBody } from './response-schemas.js';

/**
 * The one answer to a reset request, whether or not an account uses the email: telling the two
 * apart would let anyone test which emails have stores here.
 */
export const resetRequestedMessage = 'If an account uses this email, a link to reset its password is on its way. The link works for 30 minutes, once.';

async function requestReset(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.vendors.requestPasswordReset(request.payload, { clientAddress: clientOf(runtime, request) });
  return h.response({ message: resetRequestedMessage }).code(202);
}

async function confirmReset(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.vendors.resetPassword(request.payload);
  return h.response().code(204);
}

/**
 * Password recovery by mail: ask for a link, then set a new password with the token it carries.
 * No auth (the vendor cannot log in); core counts requests per client address (429 over the
 * limit) and mails each email at most 5 links an hour (over that it answers the same, mailing nothing).
 */
export function passwordResetRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/password-reset',
      description: 'Ask for a password reset link by mail; the same answer whether or not the email has an account, and whether or not its 5 links an hour are used up (then nothing is mailed)',
      auth: false,
      private: true,
      payload: passwordResetRequestSchema,
      responses: {
        ok: { 202: { description: 'Accepted: a link is mailed if an account uses this email and it has had fewer than 5 this hour', body: acceptedBody } },
        errors: { 429: 'RATE_LIMITED: too many reset requests from this address', 503: 'MAIL_UNAVAILABLE: this server sends no mail' },
      },
      handler: (request, h) => requestReset(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/password-reset/confirm',
      description: "Set a new password with a reset link's token; ends every session of the vendor",
      auth: false,
      private: true,
      payload: passwordResetSchema,
      responses: {
        ok: { 204: { description: 'The password is set; log in with it', body: null } },
        errors: { 400: 'TOKEN_INVALID: the token is unknown, used or expired' },
      },
      handler: (request, h) => confirmReset(runtime, request, h),
    }),
  ];
}
