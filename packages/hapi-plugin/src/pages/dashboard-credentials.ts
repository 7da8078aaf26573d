import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { clearCookie } from '../cookies.js';
import { principalOf, type Runtime } from '../runtime.js';
import { accountFormRefused, accountPage } from './account-page.js';
import { idOf, orNotFound } from './dashboard-page.js';
import { noStore, pageRoute, seeOther } from './define.js';
import { field } from './forms.js';

const sessionGone = 'This session has ended already, or it is not yours.';
const tokenGone = 'This API token is revoked already, or it is not yours.';

/** Ends one session; ending this browser's own is a logout. */
async function endSession(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const principal = principalOf(request);
  const id = idOf(request, sessionGone);
  await orNotFound(runtime.dukaan.auth.revokeSessionById(principal, id), sessionGone);
  if (id !== principal.credentialId) return seeOther(runtime, h, '/dashboard/account?done=session-ended');
  clearCookie(runtime, request, h, runtime.options.cookie.name);
  return noStore(seeOther(runtime, h, '/login?done=logged-out'));
}

async function endOtherSessions(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.auth.revokeOtherSessions(principalOf(request));
  return seeOther(runtime, h, '/dashboard/account?done=sessions-ended');
}

/** Creates a token and shows the page with it this once (only its hash is kept, so a reload cannot show it again). */
async function createToken(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { name: field(request.payload, 'name') };
  try {
    const { name, token } = await runtime.dukaan.auth.createApiToken(principalOf(request), values);
    return await accountPage(runtime, request, h, { newToken: { name, token } });
  } catch (error) {
    return accountFormRefused(runtime, request, h, error, { name: 'token', values });
  }
}

async function revokeToken(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await orNotFound(runtime.dukaan.auth.revokeApiToken(principalOf(request).vendorId, idOf(request, tokenGone)), tokenGone);
  return seeOther(runtime, h, '/dashboard/account?done=token-revoked');
}

/** The account page's sessions and API tokens: end, end the others, create (shown once), revoke. */
export function dashboardCredentialRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/sessions/end-others', auth: 'vendor', handler: (request, h) => endOtherSessions(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/sessions/{id}/end', auth: 'vendor', handler: (request, h) => endSession(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/tokens', auth: 'vendor', handler: (request, h) => createToken(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/tokens/{id}/revoke', auth: 'vendor', handler: (request, h) => revokeToken(runtime, request, h) }),
  ];
}
