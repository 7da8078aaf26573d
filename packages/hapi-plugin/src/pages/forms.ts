import type { FieldError, RateLimitedError } from '@dukaan-kit/core';
import type { Locale } from '@dukaan-kit/core/i18n';
import { i18nOf, type FieldErrors } from '@dukaan-kit/storefront-ui';
import { fieldMessage } from './field-messages.js';

type Payload = Record<string, unknown>;

function payloadOf(payload: unknown): Payload {
  return payload && typeof payload === 'object' && !Buffer.isBuffer(payload) ? (payload as Payload) : {};
}

/** A text field of a urlencoded or multipart form: the first value, '' when absent. */
export function field(payload: unknown, name: string): string {
  let value = payloadOf(payload)[name];
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return '';
}

/** Every value of a repeated text field (`item=a&item=b`), in order; [] when absent. */
export function fields(payload: unknown, name: string): string[] {
  const value = payloadOf(payload)[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => (typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : '')).filter((v) => v !== '');
}

/** A ticked checkbox sends a value; an unticked one sends nothing. */
export function checked(payload: unknown, name: string): boolean {
  return field(payload, name) !== '';
}

/** A form's values as typed: each of `texts` as text ('' when absent), each of `boxes` ticked or not. */
export function formValues<T extends string, C extends string = never>(payload: unknown, texts: readonly T[], boxes: readonly C[] = []): Record<T, string> & Record<C, boolean> {
  const values: Record<string, string | boolean> = {};
  for (const name of texts) values[name] = field(payload, name);
  for (const name of boxes) values[name] = checked(payload, name);
  return values as Record<T, string> & Record<C, boolean>;
}

/**
 * The bytes of an uploaded file field, or null when none was chosen. Hapi's multipart parser
 * hands a file over as a Buffer, or parses it by its declared type (text becomes a string, an
 * empty part `{}`): anything non-empty that is not a Buffer is returned as bytes too, so the
 * core's content check refuses it with its usual message.
 */
export function file(payload: unknown, name: string): Buffer | null {
  let value = payloadOf(payload)[name];
  if (Array.isArray(value)) value = value[0];
  if (Buffer.isBuffer(value)) return value.length > 0 ? value : null;
  if (typeof value === 'string') return value.length > 0 ? Buffer.from(value) : null;
  if (value && typeof value === 'object' && Object.keys(value).length > 0) return Buffer.from(JSON.stringify(value));
  return null;
}

/**
 * The core's error details as the pages' `Record<field, message>`, written for a person in the
 * page's language: the first message per field, paths renamed by `rename` (null drops one into
 * `form`). What core says is the API's text (`{label} length must be at least 8 characters
 * long`); the pages say what to do instead ("Use at least 8 characters"), without the field's
 * name, since the message sits under the field's label (field-messages.ts reads the kind of
 * problem out of core's text). A message of a kind it does not know is shown as core wrote it.
 */
export function fieldErrors(details: FieldError[], rename: (path: string) => string | null = (p) => p, locale: Locale = 'en'): FieldErrors {
  const errors: FieldErrors = {};
  const t = i18nOf(locale).t;
  for (const detail of details) {
    const field = rename(detail.path) ?? 'form';
    if (errors[field] !== undefined) continue;
    const known = fieldMessage(detail);
    errors[field] = known ? t(known.key, known.values) : detail.message.charAt(0).toUpperCase() + detail.message.slice(1);
  }
  return errors;
}

/** Optional integer text: '' -> null, digits -> number, else undefined (invalid). */
export function optionalInteger(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,10}$/.test(t) ? Number(t) : undefined;
}

const dummyOrigin = 'http://dukaan.invalid';

/**
 * Where to go after login: `next` resolved as a browser would (WHATWG URL: percent-escapes,
 * backslashes, dot segments, tabs and newlines all normalised) against a dummy origin; only a
 * result on that same origin, under the prefix, counts, and the normalised path is what is
 * returned, so `/.//evil`, `/shop/..//evil` or `\\evil` can never become `//evil`. Else null.
 */
export function safeNext(prefix: string, next: string): string | null {
  if (!next || next.length > 1000) return null;
  let url: URL;
  try {
    url = new URL(next, `${dummyOrigin}/`);
  } catch {
    return null;
  }
  if (url.origin !== dummyOrigin || url.username || url.password) return null;
  const path = url.pathname;
  // A path starting with two slashes (or a backslash) would be read as another host by the browser.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  if (prefix && path !== prefix && !path.startsWith(`${prefix}/`)) return null;
  return `${path}${url.search}`;
}

/**
 * Where to send the browser back to after a form post: the Referer's path when it lies under
 * `under` (the prefix is part of it), else `fallback`. Only the path is kept, so it stays on this site.
 */
export function refererPath(referer: string | undefined, under: string, fallback: string): string {
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    const path = `${url.pathname}${url.search}`;
    return url.pathname === under || url.pathname.startsWith(`${under}/`) ? path : fallback;
  } catch {
    return fallback;
  }
}

/** A form's message for a rate limit, naming the wait, in the page's language. */
export function tooManyAttempts(error: RateLimitedError, locale: Locale = 'en'): string {
  return i18nOf(locale).t('forms.error.tooMany', { seconds: error.retryAfterSeconds });
}
