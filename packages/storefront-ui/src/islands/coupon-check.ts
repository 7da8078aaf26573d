// The Apply button with JavaScript: asks the public coupon endpoint for a code's terms, so the
// island prices the cart with exactly the discount the order will get.
import { isSafeAmount, type CouponTerms } from '@dukaan-kit/core/pricing';
import { withBase } from '../url.js';
import type { ApiError } from './order-errors.js';
import { couponRefusal, type CheckoutT } from './checkout-text.js';

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

/** The sentence to show for a refused code, in the page's language. */
function refusalMessage(t: CheckoutT, code: string, error: (ApiError & { reason?: string }) | null): string {
  return couponRefusal(t, error?.reason, code, error?.message ?? '');
}

/** Checks `code` against the cart's subtotal (minor units). */
export async function checkCouponCode(t: CheckoutT, basePath: string, slug: string, code: string, subtotal: number): Promise<CouponAnswer> {
  const path = `/api/v1/stores/${encodeURIComponent(slug)}/coupons/${encodeURIComponent(code)}?subtotal=${subtotal}`;
  let res: Response;
  try {
    res = await fetch(withBase(basePath, path), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    return { kind: 'refused', message: t('checkout.coupon.offline') };
  }
  const payload = (await res.json().catch(() => null)) as unknown;
  if (res.ok) {
    const terms = readTerms(payload);
    return terms ? { kind: 'applied', terms } : { kind: 'refused', message: t('checkout.coupon.failed') };
  }
  if (res.status >= 500) return { kind: 'refused', message: t('checkout.coupon.failed') };
  return { kind: 'refused', message: refusalMessage(t, code, payload as ApiError | null) };
}
