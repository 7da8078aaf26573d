import Joi from 'joi';
import { maxAmount } from '../pricing/index.js';

// Field schemas every input schema builds on. Limits match the database columns (see the
// objection migrations), so anything a schema accepts, both databases can store.

/** Words a store slug may not take, because pages or infrastructure own those paths. */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'api', 'login', 'logout', 'signup', 'register', 'dashboard', 'static', 'media', 'assets', 'healthz', 'readyz',
  'admin', 'account', 'settings', 'orders', 'cart', 'checkout', 'store', 'stores', 'www', 'help', 'support',
  'about', 'terms', 'privacy', 'favicon.ico', 'robots.txt', 'sitemap.xml', 'openapi.json', 'docs', 'shop', 'null',
  'undefined', 'forgot-password', 'reset-password', 'confirm-email',
]);

/** The largest stock count or stock change: the stock column is a 4-byte integer. */
export const maxStock = 2 ** 31 - 1;

/**
 * Every string field starts here. PostgreSQL refuses NUL bytes in text (the request would end
 * in a 500), and no person types one, so they are refused at the border on both databases.
 */
export const textField = Joi.string()
  .pattern(/\0/, { name: 'NUL', invert: true })
  .messages({ 'string.pattern.invert.name': '{#label} must not contain NUL bytes' });

/** a-z and 0-9 in runs joined by single hyphens: `a--b`, `-a` and `a-` are refused. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugMinLength = 3;
export const slugMaxLength = 40;

/** Whether `slug` could name a store at all; lets callers skip a lookup for a malformed one. */
export function isWellFormedSlug(slug: string): boolean {
  return slug.length >= slugMinLength && slug.length <= slugMaxLength && slugPattern.test(slug);
}

/** 3-40 characters of a-z, 0-9 and single hyphens, not a reserved word. */
export const slugField = textField
  .trim()
  .lowercase()
  .min(slugMinLength)
  .max(slugMaxLength)
  .pattern(slugPattern, 'slug')
  .custom((value: string, helpers) => (reservedSlugs.has(value) ? helpers.error('slug.reserved') : value))
  .label('Store link')
  .messages({
    'string.pattern.name': '{#label} may use only a-z, 0-9 and single hyphens between them',
    'slug.reserved': '{#label} "{#value}" is reserved; choose another',
  });

const e164 = /^\+[1-9]\d{7,14}$/;
const indianMobile = /^(?:\+?91|0)?([6-9]\d{9})$/;

/** E.164, or a 10-digit Indian mobile number (optionally with 0 or +91), stored as E.164. */
export const phoneField = textField
  .trim()
  .max(20)
  .custom((value: string, helpers) => {
    const compact = value.replace(/[\s().-]/g, '');
    const indian = indianMobile.exec(compact);
    if (indian) return `+91${indian[1]}`;
    if (e164.test(compact)) return compact;
    return helpers.error('phone.invalid');
  })
  .label('Phone number')
  .messages({ 'phone.invalid': '{#label} must be a 10-digit mobile number or an international number like +14155550100' });

export const emailField = textField.trim().lowercase().max(254).email({ tlds: false }).label('Email');

/**
 * Money in integer minor units; a string or a fraction is a mistake, not something to convert.
 * Up to 2^53-1, the most a JSON number carries exactly (the columns are bigint).
 */
export const moneyField = Joi.number().strict().integer().min(0).max(maxAmount);

/** A stock count: whole, not negative, within the column. */
export const stockField = Joi.number().strict().integer().min(0).max(maxStock);

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code that this runtime knows how to format. */
export const currencyField = textField
  .trim()
  .uppercase()
  .length(3)
  .custom((value: string, helpers) => (currencies.has(value) ? value : helpers.error('currency.unknown')))
  .label('Currency')
  .messages({ 'currency.unknown': '{#label} must be an ISO 4217 currency code such as INR' });

/** An id as the core makes them (UUID); anything else cannot name a record. */
export const idField = textField.trim().guid().messages({ 'string.guid': '{#label} is not a valid id' });

/**
 * A site-relative path (`/media/x.png`, not `//host/x`) or an absolute http(s) URL. A path is
 * stored as the URL parser normalises it (dot segments resolved, plus its query), so what is
 * stored is what a browser would request: `/..//evil.example/x` resolves to `//evil.example/x`
 * and is refused.
 */
export const imageUrlField = textField
  .trim()
  .max(2000)
  .custom((value: string, helpers) => {
    const safe = safeImageUrl(value);
    return safe === null ? helpers.error('url.unsafe') : safe;
  })
  .messages({ 'url.unsafe': '{#label} must be an http(s) address or a path on this site starting with /' });

/** Only the origin matters: site-relative values are resolved against it and must stay on it. */
const dummyOrigin = 'https://site.invalid';

/** The value to store, or null when it is not a safe image address. */
export function safeImageUrl(value: string): string | null {
  // Backslashes and control characters are read as `/` or dropped by browsers: `/\evil` is `//evil`.
  if (/[\\\u0000-\u001f\u007f\s]/.test(value)) return null;
  if (value.startsWith('/')) {
    if (value.startsWith('//')) return null;
    let url: URL;
    try {
      url = new URL(value, dummyOrigin);
    } catch {
      return null;
    }
    if (url.origin !== dummyOrigin || url.pathname.startsWith('//')) return null;
    return url.pathname + url.search;
  }
  // As written, not as the URL parser repairs it (`https:///x` parses as `https://x/`).
  if (!/^https?:\/\/[^/]/i.test(value)) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? value : null;
  } catch {
    return null;
  }
}

export const pageLimitField = Joi.number().integer().min(1).max(100).default(20).label('Limit');
export const cursorField = textField.max(200).label('Cursor');
