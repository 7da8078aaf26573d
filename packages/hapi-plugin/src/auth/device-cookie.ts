import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * OWASP's "device cookie": after a successful login the browser gets a cookie, signed with
 * sessionSecret, naming the account and an expiry. A later login for that same account that
 * brings a valid one is from a device that has logged in before, so core skips the per-account
 * limit for it (`trustedDevice`): an attacker hammering the account from elsewhere cannot
 * lock its owner out. The cookie grants nothing else: the password is still checked, and the
 * per-address limit still applies.
 */
export const deviceCookie = 'dukaan_device';
export const deviceCookieTtlMs = 365 * 24 * 3600_000;

/** The account a login names, as core counts it: the email, trimmed and lower-cased. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`device:${body}`).digest('base64url');
}

/** `<base64url {a, e}>.<hmac>`: a = account key, e = expiry (ms since the epoch). */
export function deviceToken(secret: string, account: string, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ a: account, e: expiresAt }), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The account a well-signed, unexpired token names, or null. */
export function deviceAccount(secret: string, token: unknown, now = Date.now()): string | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body = '', mac = '', ...rest] = token.split('.');
  if (rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { a, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a?: unknown; e?: unknown };
    return typeof a === 'string' && typeof e === 'number' && e > now ? a : null;
  } catch {
    return null;
  }
}

export function registerDeviceCookie(server: Server, runtime: Runtime): void {
  defineCookie(server, runtime, deviceCookie);
}

/** True when the request carries a valid device cookie for the account this email names. */
export function isTrustedDevice(runtime: Runtime, request: Request, email: string): boolean {
  const account = deviceAccount(runtime.options.sessionSecret, (request.state as Record<string, unknown> | null)?.[deviceCookie]);
  return account !== null && account === accountKey(email);
}

/** Marks this browser as a known device of the account (after a successful login or sign-up). */
export function rememberDevice(runtime: Runtime, request: Request, h: ResponseToolkit, email: string): void {
  const token = deviceToken(runtime.options.sessionSecret, accountKey(email), Date.now() + deviceCookieTtlMs);
  setCookie(runtime, request, h, deviceCookie, token, { ttl: deviceCookieTtlMs });
}
