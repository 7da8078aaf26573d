import { mulDivHalfUp } from './exact.js';

/** What pricing needs of a coupon (public terms; no usage counts). value: percent 1-100 (integer) or minor units. */
export interface CouponTerms {
  code: string;
  type: 'percent' | 'flat';
  value: number;
  minOrderValue: number;
  maxDiscount: number | null;
}

/** True when the coupon takes effect on this subtotal (it may still be worth 0 on an empty cart). */
export function couponApplies(terms: CouponTerms | null | undefined, itemsSubtotal: number): boolean {
  return !!terms && itemsSubtotal >= terms.minOrderValue;
}

/** 0 when itemsSubtotal < minOrderValue; percent: round half up(subtotal*value/100) capped by maxDiscount; flat: min(value, subtotal). */
export function couponDiscount(terms: CouponTerms | null | undefined, itemsSubtotal: number): number {
  if (!terms || !couponApplies(terms, itemsSubtotal)) return 0;
  if (terms.type === 'flat') return Math.max(0, Math.min(terms.value, itemsSubtotal));
  const percent = mulDivHalfUp(itemsSubtotal, terms.value, 100);
  const capped = terms.maxDiscount === null ? percent : Math.min(percent, terms.maxDiscount);
  // A 100% coupon rounds to the subtotal at most; the floor guards a bad negative cap.
  return Math.max(0, Math.min(capped, itemsSubtotal));
}
