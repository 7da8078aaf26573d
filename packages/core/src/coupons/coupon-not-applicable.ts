import { CouponNotApplicableError, type CouponRefusal } from '../errors.js';
import type { CouponAtCheckout } from './coupon.js';
import { couponRefusalMessage, publicCouponRefusal, type RefusalMessageOptions } from './coupon-refusal.js';

/**
 * The error a customer gets for a code that does not apply (the check and the checkout alike):
 * the public reason, so an inactive code reads as an unknown one, and its sentence.
 */
export function couponNotApplicable(reason: CouponRefusal, coupon: CouponAtCheckout | null, currency: string, options: RefusalMessageOptions = {}): CouponNotApplicableError {
  const shown = publicCouponRefusal(reason);
  return new CouponNotApplicableError(shown, couponRefusalMessage(shown, coupon, currency, options));
}
