// Coupons: the vendor's codes, the public check, the store page's offers, and the rules that
// refuse a code (pure, so the checkout and the pages share them).
export type { Coupon, CouponAtCheckout, CouponOffer, CouponStatus, CouponType, CouponUse, CouponView, ClaimResult } from './coupon.js';
export { couponTypes, limitsNothing, couponTerms, couponOffer, couponStatus, toCouponView, normalizeCouponCode, couponCodePattern } from './coupon.js';
export type { CouponRepository } from './coupon-repository.js';
export { couponRefusals, couponRefusal, publicCouponRefusal, couponRefusalMessage } from './coupon-refusal.js';
export type { RefusalMessageOptions } from './coupon-refusal.js';
export { couponNotApplicable } from './coupon-not-applicable.js';
export { couponCreateSchema, couponUpdateSchema, couponCheckSchema, assertCouponRules } from './schemas.js';
export type { CouponInput, CouponCheckInput } from './schemas.js';
export { createCoupon } from './create-coupon.js';
export { updateCoupon } from './update-coupon.js';
export { deleteCoupon } from './delete-coupon.js';
export { getCoupon } from './get-coupon.js';
export { listCoupons } from './list-coupons.js';
export { currentOffers, currentOffersOfStore } from './current-offers.js';
export { checkCoupon } from './check-coupon.js';
export type { CheckCouponOptions } from './check-coupon.js';
