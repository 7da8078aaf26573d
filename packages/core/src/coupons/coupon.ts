import type { CouponTerms } from '../pricing/coupon-discount.js';

/** How a coupon takes its discount: a percent of the items' subtotal, or a fixed amount in minor units. */
export const couponTypes = ['percent', 'flat'] as const;
export type CouponType = (typeof couponTypes)[number];

/** A store's discount code. Usage counts are the coupon's own, so only the vendor sees them. */
export interface Coupon {
  id: string;
  storeId: string;
  /** Stored upper-case; unique per store; 3-32 characters of A-Z, 0-9, - and _. */
  code: string;
  type: CouponType;
  /** percent: a whole number 1-100; flat: minor units, at least 1. */
  value: number;
  /** Minor units the items must add up to (before the discount); 0 for no minimum. */
  minOrderValue: number;
  /** Minor units; percent coupons only (null for flat ones, and for no cap). */
  maxDiscount: number | null;
  /** ISO instants; null: from now on / without end. endsAt > startsAt. */
  startsAt: string | null;
  endsAt: string | null;
  /** Discounted orders in all; null: no limit. */
  usageLimit: number | null;
  /** Discounted orders per customer phone number; null: no limit. */
  perPhoneLimit: number | null;
  /** Only for a phone number without an earlier (not rejected or cancelled) order at the store. */
  firstOrderOnly: boolean;
  active: boolean;
  /** Orders that took it and were not cancelled or rejected since. */
  usedCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What the store page and the checkout's Apply button may show of a coupon: its terms, never its counts. */
export type CouponOffer = CouponTerms & { endsAt: string | null; firstOrderOnly: boolean };

/** Where a coupon stands, for the dashboard's list. */
export type CouponStatus = 'active' | 'scheduled' | 'expired' | 'used_up' | 'inactive';

/** What a claim at checkout came to; anything but 'claimed' refuses the code (and leaves no use counted). */
export type ClaimResult = 'claimed' | 'used_up' | 'per_customer_limit' | 'first_order_only';

/** One discounted order, counted for the per-phone limit and given back when the order is cancelled or rejected. */
export interface CouponUse {
  couponId: string;
  storeId: string;
  orderId: string;
  /** E.164, as the order's customer phone. */
  phone: string;
  at: string;
}

/**
 * A coupon as the checkout reads it. Its `usedCount` is the stored count for a coupon with any
 * limit, and null for one that limits nothing: the checkout does not count those uses (they are
 * counted from their rows when a coupon is shown) and has no use for the number.
 */
export type CouponAtCheckout = Omit<Coupon, 'usedCount'> & { usedCount: number | null };

/**
 * No usage limit, per-phone limit or first-order rule: nothing a claim could refuse, so such a
 * coupon's uses are recorded without touching its row (adapters count them when it is read).
 */
export function limitsNothing(coupon: Pick<Coupon, 'usageLimit' | 'perPhoneLimit' | 'firstOrderOnly'>): boolean {
  return coupon.usageLimit === null && coupon.perPhoneLimit === null && !coupon.firstOrderOnly;
}

/** The public terms of a coupon. */
export function couponTerms(coupon: CouponAtCheckout): CouponTerms {
  const { code, type, value, minOrderValue, maxDiscount } = coupon;
  return { code, type, value, minOrderValue, maxDiscount };
}

/** The terms with what a customer needs to know before using them. */
export function couponOffer(coupon: Coupon): CouponOffer {
  return { ...couponTerms(coupon), endsAt: coupon.endsAt, firstOrderOnly: coupon.firstOrderOnly };
}

/** Where the coupon stands at `at`: switched off, not yet started, ended, used up, or live. */
export function couponStatus(coupon: Coupon, at: string): CouponStatus {
  if (!coupon.active) return 'inactive';
  if (coupon.endsAt !== null && at >= coupon.endsAt) return 'expired';
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) return 'used_up';
  if (coupon.startsAt !== null && at < coupon.startsAt) return 'scheduled';
  return 'active';
}

/** A typed code as it is stored: trimmed and upper-cased, so lookups ignore case. */
export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The shape every stored code has; anything else cannot name a coupon. */
export const couponCodePattern = /^[A-Z0-9_-]{3,32}$/;

/** A coupon as the vendor's API and dashboard show it: every field but the store, with where it stands. */
export type CouponView = Omit<Coupon, 'storeId'> & { status: CouponStatus };

export function toCouponView(coupon: Coupon, at: string): CouponView {
  const { storeId: _storeId, ...rest } = coupon;
  return { ...rest, status: couponStatus(coupon, at) };
}
