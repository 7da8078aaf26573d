import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { apiTokenSchema, logInSchema, signUpSchema, UnauthenticatedError, type Store, type Vendor } from '@dukaan-kit/core';
import { endSession, startSession } from '../auth/strategies.js';
import { presentStore } from '../presenters.js';
import { baseUrl, clientOf, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

interface Credentials {
  email: string;
  password: string;
}

/** Counts a signup against the client address (the login limit applies). */
export async function limitSignup(runtime: Runtime, address: string): Promise<void> {
  await runtime.dukaan.rateLimiter.hit(`signup:addr:${address}`, runtime.options.rateLimits.login);
}

/**
 * Logs in under the failed-login limits of API.md: per client address and per account.
 * A blocked address or account is refused before the password is checked; only failures count,
 * so vendors sharing one address (a carrier NAT) do not lock each other out by logging in.
 */
export async function logInLimited(runtime: Runtime, address: string, credentials: Credentials) {
  const { rateLimiter, vendors } = runtime.dukaan;
  const limit = runtime.options.rateLimits.login;
  const keys = [`login:addr:${address}`, `login:acct:${String(credentials.email ?? '').trim().toLowerCase()}`];
  if (limit > 0) for (const key of keys) await rateLimiter.assertAllowed(key);
  try {
    const result = await vendors.logIn(credentials);
    await rateLimiter.reset(keys[1] ?? '');
    return result;
  } catch (error) {
    if (error instanceof UnauthenticatedError) await Promise.all(keys.map((key) => rateLimiter.recordFailure(key, limit)));
    throw error;
  }
}

function me(vendor: Pick<Vendor, 'id' | 'email'>, store: Store, origin: string) {
  return { vendor: { id: vendor.id, email: vendor.email }, store: presentStore(store, origin) };
}

const tokenParams = Joi.object({ id: Joi.string().max(64).required() });

/** Sign up, log in and out, who am I, and API tokens. */
export function vendorAuthRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/vendors',
      description: 'Sign up a vendor with a store; starts a session',
      auth: false,
      payload: signUpSchema,
      handler: async (request, h) => {
        await limitSignup(runtime, clientOf(runtime, request));
        const { vendor, store } = await dukaan.vendors.signUp(request.payload);
        await startSession(runtime, h, { vendorId: vendor.id, storeId: store.id });
        return h.response(me(vendor, store, baseUrl(runtime, request))).code(201);
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/session',
      description: 'Log in; starts a session',
      auth: false,
      payload: logInSchema,
      handler: async (request, h) => {
        const { vendor, store } = await logInLimited(runtime, clientOf(runtime, request), request.payload as Credentials);
        await startSession(runtime, h, { vendorId: vendor.id, storeId: store.id });
        return me(vendor, store, baseUrl(runtime, request));
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/session',
      description: 'Log out: the session is revoked on every instance',
      auth: true,
      handler: async (request, h) => {
        await endSession(runtime, request, h);
        return h.response().code(204);
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/me',
      description: 'The signed-in vendor and their store',
      auth: true,
      handler: async (request) => {
        const principal = principalOf(request);
        const [vendor, store] = await Promise.all([
          dukaan.context.persistence.vendors.findById(principal.vendorId),
          dukaan.vendors.getStore(principal.storeId),
        ]);
        return me({ id: principal.vendorId, email: vendor?.email ?? '' }, store, baseUrl(runtime, request));
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/tokens',
      description: 'Create an API token (shown once)',
      auth: true,
      payload: apiTokenSchema,
      handler: async (request, h) => {
        const { id, name, token, createdAt } = await dukaan.auth.createApiToken(principalOf(request), request.payload);
        return h.response({ id, name, token, createdAt }).code(201);
      },
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/tokens/{id}',
      description: 'Revoke an API token',
      auth: true,
      params: tokenParams,
      handler: async (request, h) => {
        await dukaan.auth.revokeApiToken(principalOf(request).vendorId, request.params.id as string);
        return h.response().code(204);
      },
    }),
  ];
}
