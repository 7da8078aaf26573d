import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * OWASP's "device cookie": after a successful login the browser gets a cookie, signed with
 * sessionSecret, naming the account, a random device id and an expiry. A later login for that
 * same account that brings a valid one passes its id to core as `deviceId`, and core counts that
 * attempt per device cookie instead of per account: an attacker hammering the account from
 * elsewhere cannot lock its owner out, and a stolen cookie still cannot guess beyond the limit
 * (its own counter). The cookie grants nothing else: the password is still checked, and the
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

/** A new device id: 16 random bytes, base64url. */
export function newDeviceId(): string {
  return randomBytes(16).toString('base64url');
}

/** What a valid device cookie says: whose device it is and its id. */
export interface Device {
  account: string;
  id: string;
}

/** `<base64url {a, d, e}>.<hmac>`: a = account key, d = device id, e = expiry (ms since the epoch). */
export function deviceToken(secret: string, account: string, deviceId: string, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ a: account, d: deviceId, e: expiresAt }), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The account and device id a well-signed, unexpired token names, or null. */
export function deviceOf(secret: string, token: unknown, now = Date.now()): Device | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body = '', mac = '', ...rest] = token.split('.');
  if (rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { a, d, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a?: unknown; d?: unknown; e?: unknown };
    const valid = typeof a === 'string' && typeof d === 'string' && d.length > 0 && d.length <= 64 && typeof e === 'number' && e > now;
    return valid ? { account: a, id: d } : null;
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

/** The id of the request's device cookie when it is valid and for the account this email names, else undefined. */
export function deviceIdFor(runtime: Runtime, request: Request, email: string): string | undefined {
  const device = presentedDevice(runtime, request);
  return device !== null && device.account === accountKey(email) ? device.id : undefined;
}

/**
 * Marks this browser as a known device of the account (after a successful login or sign-up):
 * keeps the id of a valid cookie it already holds for this account, else a new random one.
 */
export function rememberDevice(runtime: Runtime, request: Request, h: ResponseToolkit, email: string): void {
  const account = accountKey(email);
  const id = deviceIdFor(runtime, request, email) ?? newDeviceId();
  const token = deviceToken(runtime.options.sessionSecret, account, id, Date.now() + deviceCookieTtlMs);
  setCookie(runtime, request, h, deviceCookie, token, { ttl: deviceCookieTtlMs });
}
