import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import type { VendorPrincipal } from '@dukaan-kit/core';
import { clearCookie, defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

function bearerToken(request: Request): string | null {
  const header = request.headers['authorization'] as string | undefined;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Registers 'dukaan-session' (a cookie holding a random session token, resolved server-side)
 * and 'dukaan-token' (Authorization: Bearer). Routes name them explicitly; no default strategy
 * is set. A scheme of our own rather than @hapi/cookie's, because that one adds a server-wide
 * onPreAuth extension and a request decoration that would reach the host's routes too.
 */
export function registerAuth(server: Server, runtime: Runtime): void {
  const { dukaan, options } = runtime;
  defineCookie(server, runtime, options.cookie.name, { clearInvalid: true });
  server.auth.scheme('dukaan-cookie', () => ({
    async authenticate(request: Request, h: ResponseToolkit) {
      const token = request.state[options.cookie.name] as unknown;
      if (typeof token !== 'string' || token.length === 0) return h.unauthenticated(Boom.unauthorized(null, 'Cookie'));
      const principal = await dukaan.auth.resolveSession(token);
      if (!principal) {
        clearCookie(runtime, request, h, options.cookie.name);
        return h.unauthenticated(Boom.unauthorized('Your session has ended; log in again', 'Cookie'));
      }
      return h.authenticated({ credentials: { ...principal }, artifacts: { token } });
    },
  }));
  server.auth.scheme('dukaan-bearer', () => ({
    async authenticate(request: Request, h: ResponseToolkit) {
      const token = bearerToken(request);
      if (!token) return h.unauthenticated(Boom.unauthorized(null, 'Bearer'));
      const principal = await dukaan.auth.resolveApiToken(token);
      if (!principal) return h.unauthenticated(Boom.unauthorized('The API token is not valid', 'Bearer'));
      return h.authenticated({ credentials: { ...principal } });
    },
  }));
  server.auth.strategy('dukaan-session', 'dukaan-cookie');
  server.auth.strategy('dukaan-token', 'dukaan-bearer');
}

/** The longest User-Agent kept with a session (the column's width); longer ones are cut. */
export const maxUserAgentLength = 256;

/**
 * The request's User-Agent, cut to what a session stores; null without one. Control characters
 * go first: PostgreSQL refuses a NUL in text, and a header is the client's to fill.
 */
export function userAgentOf(request: Request): string | null {
  const header = request.headers['user-agent'];
  const text = typeof header === 'string' ? header.replace(/[\u0000-\u001f\u007f]/g, '').trim() : '';
  return text.length > 0 ? text.slice(0, maxUserAgentLength) : null;
}

/**
 * Starts a session for the vendor and sets its cookie, living as long as the session does. The
 * User-Agent is kept with it so the vendor's list of sessions can say which device each one is.
 */
export async function startSession(runtime: Runtime, request: Request, h: ResponseToolkit, principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>): Promise<void> {
  const { token, expiresAt } = await runtime.dukaan.auth.createSession(principal.vendorId, principal.storeId, { userAgent: userAgentOf(request) });
  setCookie(runtime, request, h, runtime.options.cookie.name, token, { ttl: Math.max(0, Date.parse(expiresAt) - Date.now()) });
}

/** Revokes the request's session server-side (every instance) and clears the cookie. */
export async function endSession(runtime: Runtime, request: Request, h: ResponseToolkit): Promise<void> {
  const token = request.state[runtime.options.cookie.name] as unknown;
  if (typeof token === 'string' && token.length > 0) await runtime.dukaan.auth.revokeSession(token);
  clearCookie(runtime, request, h, runtime.options.cookie.name);
}
