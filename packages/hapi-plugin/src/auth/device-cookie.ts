import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * OWASP's "device cookie": after a successful login the browser gets a cookie, signed with
 * sessionSecret, naming the account, a random device id, when it was issued and an expiry. A
 * later login for that same account that brings a valid one passes its id and issue time to core
 * as `deviceId` and `deviceIssuedAt`, and core counts that attempt per device cookie instead of
 * per account: an attacker hammering the account from elsewhere cannot lock its owner out, and a
 * stolen cookie still cannot guess beyond the limit (its own counter). Core trusts the device
 * only when the cookie was issued after the account's last password change, so a browser that
 * signed in before a reset (an attacker's, perhaps) is a new device again: its next login is
 * counted per account and mailed as a new sign-in. The cookie grants nothing else: the password
 * is still checked, and the per-address limit still applies.
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

/** A new device id: 16 random bytes, base64url. */
export function newDeviceId(): string {
  return randomBytes(16).toString('base64url');
}

/** What a valid device cookie says: whose device it is, its id, and when the cookie was issued (ms). */
export interface Device {
  account: string;
  id: string;
  issuedAt: number;
}

/**
 * `<base64url {a, d, i, e}>.<hmac>`: a = account key, d = device id, i = issued at, e = expiry
 * (both ms since the epoch).
 */
export function deviceToken(secret: string, account: string, deviceId: string, issuedAt: number, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ a: account, d: deviceId, i: issuedAt, e: expiresAt }), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/**
 * The account, device id and issue time a well-signed, unexpired token names, or null. A cookie
 * without an issue time (made before it was added) is not trusted: nothing says whether it
 * predates a password change.
 */
export function deviceOf(secret: string, token: unknown, now = Date.now()): Device | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body = '', mac = '', ...rest] = token.split('.');
  if (rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { a, d, i, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a?: unknown; d?: unknown; i?: unknown; e?: unknown };
    const valid = typeof a === 'string' && typeof d === 'string' && d.length > 0 && d.length <= 64
      && typeof i === 'number' && Number.isSafeInteger(i) && i > 0 && typeof e === 'number' && e > now;
    return valid ? { account: a, id: d, issuedAt: i } : null;
  } catch {
    return null;
  }
}

export function registerDeviceCookie(server: Server, runtime: Runtime): void {
  defineCookie(server, runtime, deviceCookie);
}

function presentedDevice(runtime: Runtime, request: Request): Device | null {
  return deviceOf(runtime.options.sessionSecret, (request.state as Record<string, unknown> | null)?.[deviceCookie]);
}

/** The request's device cookie when it is valid and for the account this email names, else undefined. */
export function deviceFor(runtime: Runtime, request: Request, email: string): Device | undefined {
  const device = presentedDevice(runtime, request);
  return device !== null && device.account === accountKey(email) ? device : undefined;
}

/**
 * Marks this browser as a known device of the account (after a successful login or sign-up):
 * keeps the id of a valid cookie it already holds for this account, else a new random one. The
 * issue time is now: the browser has just proved the password, so it is trusted until the next
 * password change.
 */
export function rememberDevice(runtime: Runtime, request: Request, h: ResponseToolkit, email: string): void {
  const account = accountKey(email);
  const id = deviceFor(runtime, request, email)?.id ?? newDeviceId();
  const now = Date.now();
  const token = deviceToken(runtime.options.sessionSecret, account, id, now, now + deviceCookieTtlMs);
  setCookie(runtime, request, h, deviceCookie, token, { ttl: deviceCookieTtlMs });
}
