import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { apiTokenSchema, logInSchema, signUpSchema, type Store } from '@dukaan-kit/core';
import { logIn, signUp, type SignedIn } from '../auth/log-in.js';
import { endSession } from '../auth/strategies.js';
import { presentStore } from '../presenters.js';
import { baseUrl, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { meBody, tokenBody } from './response-schemas.js';

import { idParams as tokenParams } from './params.js';

function me(runtime: Runtime, request: Request, { vendor, store }: { vendor: SignedIn['vendor']; store: Store }) {
  return { vendor: { id: vendor.id, email: vendor.email, locale: vendor.locale }, store: presentStore(store, baseUrl(runtime, request)) };
}

async function signUpHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  return h.response(me(runtime, request, await signUp(runtime, request, h, request.payload))).code(201);
}

async function logInHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  return me(runtime, request, await logIn(runtime, request, h, request.payload));
}

/**
 * Logs out what the request authenticated with: a session cookie ends the session; a bearer
 * token is revoked (it is that client's "session"; other tokens and sessions live on).
 */
async function logOutHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const principal = principalOf(request);
  if (principal.via === 'token') await runtime.dukaan.auth.revokeApiToken(principal.vendorId, principal.credentialId);
  else await endSession(runtime, request, h);
  return h.response().code(204);
}

async function meHandler(runtime: Runtime, request: Request) {
  return me(runtime, request, await runtime.dukaan.vendors.getAccount(principalOf(request)));
}

async function createTokenHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { id, name, token, createdAt } = await runtime.dukaan.auth.createApiToken(principalOf(request), request.payload);
  return h.response({ id, name, token, createdAt }).code(201).header('cache-control', 'no-store, private');
}

async function revokeTokenHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await runtime.dukaan.auth.revokeApiToken(principalOf(request).vendorId, request.params['id'] as string);
  return h.response().code(204);
}

const noBody = { description: 'Done', body: null };

/** Sign up, log in and out, who am I, and API tokens. */
export function vendorAuthRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/vendors',
      description: 'Sign up a vendor with a store; starts a session',
      auth: false,
      private: true,
      payload: signUpSchema,
      responses: { ok: { 201: { description: 'The vendor and their store; a session cookie is set', body: meBody } }, errors: { 409: 'CONFLICT: the email or slug is taken', 429: 'RATE_LIMITED: too many sign-ups from this address' } },
      handler: (request, h) => signUpHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/session',
      description: 'Log in; starts a session',
      auth: false,
      private: true,
      payload: logInSchema,
      responses: { ok: { 200: { description: 'The vendor and their store; a session cookie is set', body: meBody } }, errors: { 401: 'UNAUTHENTICATED: the email or password is not right', 429: 'RATE_LIMITED: too many failed logins from this address or for this account' } },
      handler: (request, h) => logInHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/session',
      description: 'Log out: a session cookie ends the session on every instance; a bearer token is revoked',
      auth: true,
      responses: { ok: { 204: noBody } },
      handler: (request, h) => logOutHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/me',
      description: 'The signed-in vendor and their store',
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'The vendor and their store', body: meBody } } },
      handler: (request) => meHandler(runtime, request),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/tokens',
      description: 'Create an API token (shown once)',
      auth: true,
      private: true,
      payload: apiTokenSchema,
      responses: { ok: { 201: { description: 'The token, shown this once', body: tokenBody } } },
      handler: (request, h) => createTokenHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/tokens/{id}',
      description: 'Revoke an API token',
      auth: true,
      params: tokenParams,
      responses: { ok: { 204: noBody }, errors: { 404: 'NOT_FOUND: no such token of this vendor' } },
      handler: (request, h) => revokeTokenHandler(runtime, request, h),
    }),
  ];
}
