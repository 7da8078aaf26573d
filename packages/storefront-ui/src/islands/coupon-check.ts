// The Apply button with JavaScript: asks the public coupon endpoint for a code's terms, so the
// island prices the cart with exactly the discount the order will get.
import { isSafeAmount, type CouponTerms } from '@dukaan-kit/core/pricing';
import { withBase } from '../url.js';
import type { ApiError } from './order-errors.js';

/** Either the terms to price with, or the reason to show beside the field. */
export type CouponAnswer = { kind: 'applied'; terms: CouponTerms } | { kind: 'refused'; message: string };

/** Codes are case-insensitive and stored upper-case: what the customer typed, as the server compares it. */
export function normaliseCouponCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/** The terms in an answer (`{ coupon }`, `{ terms }`, or the terms themselves); null when they are not usable. */
export function readTerms(payload: unknown): CouponTerms | null {
  const body = payload as { terms?: unknown; coupon?: unknown } | null;
  const inner = body && typeof body === 'object' ? (body.coupon ?? body.terms ?? body) : null;
  const t = (inner && typeof inner === 'object' ? inner : null) as CouponTerms | null;
  if (!t || typeof t !== 'object' || typeof t.code !== 'string') return null;
  if ((t.type !== 'percent' && t.type !== 'flat') || !isSafeAmount(t.value) || !isSafeAmount(t.minOrderValue)) return null;
  if (t.maxDiscount !== null && !isSafeAmount(t.maxDiscount)) return null;
  return { code: t.code, type: t.type, value: t.value, minOrderValue: t.minOrderValue, maxDiscount: t.maxDiscount };
}

/** The sentence to show for a refused code: the field's message when the answer names one. */
function refusalMessage(error: ApiError | null, status: number): string {
  const details = Array.isArray(error?.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  const own = details.find((d) => d && typeof d.message === 'string' && (d.path === 'couponCode' || d.path === 'code'));
  if (own) return String(own.message);
  if (status === 404) return 'This code is not valid in this shop. Please check it.';
  return error?.message ?? 'This code cannot be used.';
}

/** Checks `code` against the cart's subtotal (minor units). */
export async function checkCouponCode(basePath: string, slug: string, code: string, subtotal: number): Promise<CouponAnswer> {
  const path = `/api/v1/stores/${encodeURIComponent(slug)}/coupons/${encodeURIComponent(code)}?subtotal=${subtotal}`;
  let res: Response;
  try {
    res = await fetch(withBase(basePath, path), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    return { kind: 'refused', message: 'Could not check the code. Check your connection and try again.' };
  }
  const payload = (await res.json().catch(() => null)) as unknown;
  if (res.ok) {
    const terms = readTerms(payload);
    return terms ? { kind: 'applied', terms } : { kind: 'refused', message: 'Could not check the code. Please try again.' };
  }
  if (res.status >= 500) return { kind: 'refused', message: 'Could not check the code. Please try again.' };
  return { kind: 'refused', message: refusalMessage(payload as ApiError | null, res.status) };
}
