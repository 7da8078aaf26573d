import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Coupon } from './coupon.js';
import { couponNotFound } from './update-coupon.js';

/** One coupon of the store; NotFoundError for another store's or an unknown id. */
export async function getCoupon(context: CoreContext, storeId: string, id: string): Promise<Coupon> {
  const coupon = await context.persistence.coupons.findById(storeId, id);
  if (!coupon) throw new NotFoundError(couponNotFound);
  return coupon;
}
