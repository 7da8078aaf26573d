import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { ConflictError, TokenInvalidError, ValidationFailedError } from '@dukaan-kit/core';
import { i18nOf, type FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { noReferrer, pageRoute, presented, privatePage, seeOther } from './define.js';
import { field } from './forms.js';
import { liveLinkToken } from './link-token.js';
import { visitorContext } from './vendor.js';

interface ConfirmExtra {
  invalid?: boolean;
  errors?: FieldErrors;
}

/** The confirm page; its URL (or its form) holds the token, so it sends no Referer anywhere. */
function confirmPage(runtime: Runtime, request: Request, h: ResponseToolkit, token: string, extra: ConfirmExtra = {}, status = 200) {
  // A used link's page does not repeat the token, not even in the chooser's links.
  const ctx = visitorContext(runtime, request, h, extra.invalid === true);
  return noReferrer(privatePage(h, { page: 'confirm-email', props: { ctx, token: extra.invalid ? '' : token, ...extra } }, status));
}

/** A button, not a change on GET: mail scanners open links, and that must not change a login. */
async function confirmGet(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const token = await liveLinkToken(runtime, request.query['token'], 'email_change');
  return token === null ? confirmPage(runtime, request, h, '', { invalid: true }, 400) : confirmPage(runtime, request, h, token);
}

/** The token proves the mailbox, so no login is needed; a logged-in vendor goes back to the account page. */
async function confirmPost(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const token = field(request.payload, 'token');
  try {
    await runtime.dukaan.vendors.confirmEmailChange({ token });
  } catch (error) {
    const invalid = error instanceof TokenInvalidError || (error instanceof ValidationFailedError && error.details.some((d) => d.path === 'token'));
    if (invalid) return confirmPage(runtime, request, h, token, { invalid: true }, 400);
    if (error instanceof ConflictError) {
      const form = i18nOf(visitorContext(runtime, request, h).locale).t('auth.error.emailTakenMeanwhile');
      return presented(confirmPage(runtime, request, h, token, { errors: { form } }), error);
    }
    throw error;
  }
  const next = request.auth.isAuthenticated ? '/dashboard/account?done=email-changed' : '/login?done=email-changed';
  return noReferrer(seeOther(runtime, h, next));
}

/** The page of the link mailed to a new address, and its confirm button. */
export function confirmEmailPageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/confirm-email', handler: (request, h) => confirmGet(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/confirm-email', auth: 'optional', handler: (request, h) => confirmPost(runtime, request, h) }),
  ];
}
