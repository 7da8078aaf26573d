import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { clearCookie } from '../cookies.js';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { idParams } from './params.js';
import { apiTokenListBody, sessionListBody } from './response-schemas.js';

async function listSessions(runtime: Runtime, request: Request) {
  return { items: await runtime.dukaan.auth.listSessions(principalOf(request)) };
}

/** Ends one of the vendor's sessions; ending the very one asking is a logout, so its cookie goes too. */
async function endSession(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const principal = principalOf(request);
  const id = request.params['id'] as string;
  await runtime.dukaan.auth.revokeSessionById(principal, id);
  if (principal.via === 'session' && principal.credentialId === id) clearCookie(runtime, request, h, runtime.options.cookie.name);
  return h.response().code(204);
}

async function endOtherSessions(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.auth.revokeOtherSessions(principalOf(request));
  return h.response().code(204);
}

async function listTokens(runtime: Runtime, request: Request) {
  return { items: await runtime.dukaan.auth.listApiTokens(principalOf(request)) };
}

/** Where the vendor is signed in, and with which API tokens: list them, end them. */
export function credentialRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/me/sessions',
      description: "The vendor's sessions: device, created, last seen; `current` marks the one asking",
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'The live sessions: the one asking first (when it is a session), then the most recently seen', body: sessionListBody } } },
      handler: (request) => listSessions(runtime, request),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/me/sessions/{id}',
      description: 'End one session (on every instance); ending the current one logs it out',
      auth: true,
      params: idParams,
      responses: { ok: { 204: { description: 'Ended', body: null } }, errors: { 404: 'NOT_FOUND: no such session of this vendor' } },
      handler: (request, h) => endSession(runtime, request, h),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/me/sessions',
      description: 'End every session but the one asking (all of them when asked with an API token)',
      auth: true,
      responses: { ok: { 204: { description: 'Ended', body: null } } },
      handler: (request, h) => endOtherSessions(runtime, request, h),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/tokens',
      description: "The vendor's API tokens: name, prefix, created, last used (never the secret)",
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'The tokens', body: apiTokenListBody } } },
      handler: (request) => listTokens(runtime, request),
    }),
  ];
}
