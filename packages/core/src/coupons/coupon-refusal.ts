import type { CouponRefusal } from '../errors.js';
import { formatMoney } from '../pricing/format.js';
import { defaultStoreTimeZone } from '../shared/time-zone.js';
import type { CouponAtCheckout } from './coupon.js';

/** Every reason a code may not apply to an order (the API documents them). */
export const couponRefusals: readonly CouponRefusal[] = ['unknown', 'inactive', 'not_started', 'expired', 'below_minimum', 'used_up', 'per_customer_limit', 'first_order_only'];

/**
 * Why `coupon` cannot be used at `at` on items worth `itemsSubtotal`, or null when it can.
 * Checked in the order a customer can do something about last: a code that ended or is used up
 * says so even when the cart is also too small. Per-phone and first-order limits need the
 * customer's phone and are decided at checkout, when the use is claimed.
 */
export function couponRefusal(coupon: CouponAtCheckout | null, at: string, itemsSubtotal: number): CouponRefusal | null {
  if (!coupon) return 'unknown';
  if (!coupon.active) return 'inactive';
  if (coupon.startsAt !== null && at < coupon.startsAt) return 'not_started';
  if (coupon.endsAt !== null && at >= coupon.endsAt) return 'expired';
  if (coupon.usageLimit !== null && coupon.usedCount !== null && coupon.usedCount >= coupon.usageLimit) return 'used_up';
  if (itemsSubtotal < coupon.minOrderValue) return 'below_minimum';
  return null;
}

/**
 * The reason a customer is told: a switched-off code reads exactly like one that never existed,
 * so trying codes cannot find the vendor's paused ones.
 */
export function publicCouponRefusal(reason: CouponRefusal): CouponRefusal {
  return reason === 'inactive' ? 'unknown' : reason;
}

export interface RefusalMessageOptions {
  /** The items' subtotal, so a minimum can say how much is missing. */
  itemsSubtotal?: number;
  /** The store's IANA time zone, for the dates; default Asia/Kolkata. */
  timeZone?: string;
  /** Now, to leave out the year of a date in the same year. */
  at?: string;
}

function calendarDay(instant: string, timeZone: string, at: string | undefined): string {
  const date = new Date(instant);
  const year = (d: Date) => new Intl.DateTimeFormat('en-IN', { year: 'numeric', timeZone }).format(d);
  const sameYear = at !== undefined && year(date) === year(new Date(at));
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(date);
}

function clockTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone }).format(new Date(instant));
}

/** A sentence for the customer about why the code does not apply: "This code expired on 3 Dec", "Add ₹150.00 more to use SAVE10". */
export function couponRefusalMessage(reason: CouponRefusal, coupon: CouponAtCheckout | null, currency: string, options: RefusalMessageOptions = {}): string {
  const timeZone = options.timeZone ?? defaultStoreTimeZone;
  if (!coupon || reason === 'unknown' || reason === 'inactive') return 'This code is not valid';
  const code = coupon.code;
  switch (reason) {
    case 'not_started': {
      const startsAt = coupon.startsAt ?? '';
      return `${code} can be used from ${calendarDay(startsAt, timeZone, options.at)}, ${clockTime(startsAt, timeZone)}`;
    }
    case 'expired': {
      // An end at midnight means the code was good through the day before: that is the day to name.
      const lastValid = new Date(Date.parse(coupon.endsAt ?? '') - 1).toISOString();
      return `This code expired on ${calendarDay(lastValid, timeZone, options.at)}`;
    }
    case 'below_minimum': {
      const missing = options.itemsSubtotal === undefined ? null : coupon.minOrderValue - options.itemsSubtotal;
      if (missing !== null && missing > 0) return `Add ${formatMoney(missing, currency)} more to use ${code}`;
      return `${code} needs items worth at least ${formatMoney(coupon.minOrderValue, currency)}`;
    }
    case 'used_up':
      return `${code} has been used as many times as the store allows`;
    case 'per_customer_limit':
      return coupon.perPhoneLimit === 1 ? `You have already used ${code}` : `You have used ${code} as many times as the store allows for one customer`;
    case 'first_order_only':
      return `${code} is only for your first order at this store`;
  }
}
