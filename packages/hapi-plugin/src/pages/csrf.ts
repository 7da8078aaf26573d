import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * CSRF for the pages' form posts, scoped to this plugin's page routes (no server-wide ext):
 * a random value in an HttpOnly SameSite=Lax cookie, and a form field `crumb` that must equal
 * HMAC-SHA256(sessionSecret, cookie value) in base64url. A cross-site page can neither read the
 * cookie nor compute the crumb; the JSON API never needs it (it takes application/json only).
 */
export const csrfCookie = 'dukaan_csrf';
export const crumbField = 'crumb';

const cookieValuePattern = /^[A-Za-z0-9_-]{43}$/;
const issued = new WeakMap<Request, string>();

export function registerCsrfCookie(server: Server, runtime: Runtime): void {
  defineCookie(server, runtime, csrfCookie, { clearInvalid: true });
}

/** The crumb a form must carry for a given cookie value. */
export function crumbFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(cookieValue).digest('base64url');
}

function cookieOf(request: Request): string | null {
  const value = (request.state as Record<string, unknown> | null)?.[csrfCookie];
  return typeof value === 'string' && cookieValuePattern.test(value) ? value : null;
}

/** The crumb for the page being rendered; sets the cookie when the browser has none yet. */
export function csrfTokenFor(runtime: Runtime, request: Request, h: ResponseToolkit): string {
  let value = issued.get(request) ?? cookieOf(request);
  if (!value) {
    value = randomBytes(32).toString('base64url');
    setCookie(runtime, request, h, csrfCookie, value);
  }
  issued.set(request, value);
  return crumbFor(runtime.options.sessionSecret, value);
}

/** True when the posted `crumb` matches the request's CSRF cookie. */
export function hasValidCrumb(runtime: Runtime, request: Request): boolean {
  const cookie = cookieOf(request);
  const payload = request.payload as Record<string, unknown> | null | undefined;
  let crumb = payload && typeof payload === 'object' && !Buffer.isBuffer(payload) ? payload[crumbField] : undefined;
  if (Array.isArray(crumb)) crumb = crumb[0];
  if (!cookie || typeof crumb !== 'string') return false;
  const expected = Buffer.from(crumbFor(runtime.options.sessionSecret, cookie));
  const given = Buffer.from(crumb);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The 403 a form post without a valid crumb gets (rendered as the friendly error page). */
export function csrfRejected(): Boom.Boom {
  const boom = Boom.forbidden('This form has expired or did not come from this site. Please go back, reload the page and try again.');
  boom.output.payload.code = 'CSRF_FAILED';
  return boom;
}
