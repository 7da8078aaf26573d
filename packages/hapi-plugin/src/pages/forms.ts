import type { FieldError } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';

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

/** A ticked checkbox sends a value; an unticked one sends nothing. */
export function checked(payload: unknown, name: string): boolean {
  return field(payload, name) !== '';
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
 * The core's error details as the pages' `Record<field, message>`: the first message per field,
 * paths renamed by `rename` (null drops one into `form`). Messages start with the dot-joined path
 * (`customer.phone must be ...`); with a label for the field it reads `Phone must be ...`.
 */
export function fieldErrors(details: FieldError[], rename: (path: string) => string | null = (p) => p, labels: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of details) {
    const name = rename(path) ?? 'form';
    const label = labels[name];
    const text = label && message.startsWith(`${path} `) ? `${label}${message.slice(path.length)}` : label && message.startsWith(`"${path}" `) ? `${label}${message.slice(path.length + 2)}` : message;
    errors[name] ??= text.charAt(0).toUpperCase() + text.slice(1);
  }
  return errors;
}

/** How fields are named in messages, per form. */
export const fieldLabels = {
  checkout: { name: 'Name', phone: 'Phone', email: 'Email', address: 'Address', pincode: 'Pincode', note: 'Note' },
  signup: { email: 'Email', password: 'Password', storeName: 'Store name', slug: 'Store link' },
  login: { email: 'Email', password: 'Password' },
  product: { name: 'Name', description: 'Description', price: 'Price', compareAtPrice: 'MRP', stock: 'Stock', sku: 'SKU', categoryId: 'Category', file: 'The picture' },
  category: { name: 'Name', position: 'Position' },
  settings: {
    name: 'Store name',
    slug: 'Store link',
    description: 'Description',
    logo: 'The logo',
    phone: 'Phone',
    pickupAddress: 'Pickup address',
    currency: 'Currency',
    deliveryFee: 'Delivery fee',
    freeDeliveryAbove: 'Free delivery above',
    minOrderValue: 'Minimum order',
  },
} satisfies Record<string, Record<string, string>>;

/** Optional integer text: '' -> null, digits -> number, else undefined (invalid). */
export function optionalInteger(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,10}$/.test(t) ? Number(t) : undefined;
}

/** `next` after login: only a local path under the prefix (no scheme, no `//host`, no backslash). */
export function safeNext(prefix: string, next: string): string | null {
  if (!next || next.length > 500) return null;
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return null;
  if (prefix && next !== prefix && !next.startsWith(`${prefix}/`) && !next.startsWith(`${prefix}?`)) return null;
  try {
    const url = new URL(next, 'http://local.invalid');
    if (url.host !== 'local.invalid') return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
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
