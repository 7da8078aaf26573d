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

/** How a refusal is worded: beside a field, beside a cart line, or above the form (by the API's code). */
export interface ErrorWords {
  field(field: string, raw: string): string;
  line(raw: string): string;
  form(code: string | undefined, raw: string): string;
}

/** Core's sentences as they come, first letter raised: for callers without a page language. */
export const rawWords: ErrorWords = {
  field: (_field, raw) => raw.charAt(0).toUpperCase() + raw.slice(1),
  line: (raw) => raw.charAt(0).toUpperCase() + raw.slice(1),
  form: (_code, raw) => raw,
};

/**
 * Places an API error: `customer.phone` -> field `phone`, `couponCode` -> its field, `items.N.*`
 * -> line N (by its variant), the rest -> the form. When every problem has a place, the form gets
 * no message of its own (the page's summary links to them): each is said once, beside its field.
 */
export function orderErrors(payload: ApiError, lines: ReadonlyArray<{ variantId: string }>, say: ErrorWords = rawWords): { fields: FieldErrors; lines: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  const lineErrs: FieldErrors = {};
  const rest: string[] = [];
  for (const d of fieldDetails(payload.details)) {
    const text = d.message ?? '';
    const [head, second] = String(d.path ?? '').split('.');
    const line = head === 'items' && second !== undefined ? lines[Number(second)] : undefined;
    if (head === 'customer' && second) fields[second] ??= say.field(second, text);
    else if (head === 'note' || head === 'couponCode' || head === 'deliveryMethod' || head === 'paymentMethod') fields[head] ??= say.field(head, text);
    else if (line) lineErrs[line.variantId] ??= say.line(text);
    else rest.push(text);
  }
  const placed = Object.keys(fields).length + Object.keys(lineErrs).length > 0;
  // Out of stock is both: each short line says how many are left, and the form says what to do.
  const form = rest.length > 0 ? say.form(payload.code, rest.join(' ')) : placed && payload.code !== 'OUT_OF_STOCK' ? null : say.form(payload.code, payload.message ?? '');
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
