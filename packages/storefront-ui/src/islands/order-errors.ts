import type { FieldErrors } from '../types.js';

/** The error payload of the JSON API: `{ statusCode, error, message, code, details? }`. */
export interface ApiError {
  statusCode?: number;
  message?: string;
  code?: string;
  /** Field problems (an array of `{ path, message }`) for a 400; a price quote for PRICE_CHANGED. */
  details?: unknown;
}

interface FieldDetail {
  path?: string;
  message?: string;
}

/** The field problems in `details`, when it is a list of them. */
function fieldDetails(details: unknown): FieldDetail[] {
  return Array.isArray(details) ? details.filter((d): d is FieldDetail => !!d && typeof d === 'object') : [];
}

/** Places an API error: `customer.phone` -> field `phone`, `couponCode` -> its field, `items.N.*` -> line N (by its variant), the rest -> the form. */
export function orderErrors(payload: ApiError, lines: ReadonlyArray<{ variantId: string }>): { fields: FieldErrors; lines: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  const lineErrs: FieldErrors = {};
  const rest: string[] = [];
  for (const d of fieldDetails(payload.details)) {
    // The API's messages start with the field's key ("phone must be…"): capitalised, they read
    // like the no-JS form's ("Phone must be…").
    const text = d.message ?? 'Invalid value';
    const message = text.charAt(0).toUpperCase() + text.slice(1);
    const [head, second] = String(d.path ?? '').split('.');
    const line = head === 'items' && second !== undefined ? lines[Number(second)] : undefined;
    if (head === 'customer' && second) fields[second] ??= message;
    else if (head === 'note' || head === 'couponCode' || head === 'deliveryMethod' || head === 'paymentMethod') fields[head] ??= message;
    else if (line) lineErrs[line.variantId] ??= message;
    else rest.push(message);
  }
  const placed = Object.keys(fields).length + Object.keys(lineErrs).length > 0;
  const form = rest.length > 0 ? rest.join(' ') : placed ? 'Please check the highlighted fields.' : (payload.message ?? 'The order could not be placed.');
  return { fields, lines: lineErrs, form };
}

/** A fresh UUID v4; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
