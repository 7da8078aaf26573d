import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { validate } from '../shared/validate.js';
import type { Coupon } from './coupon.js';
import { offersChanged } from './offers-changed.js';
import { assertCouponRules, couponUpdateSchema } from './schemas.js';

export const couponNotFound = 'Coupon not found';

/**
 * Changes some of a coupon's fields; the rules between fields are judged on the coupon as it
 * will be. Orders placed with it keep the discount they got. NotFoundError for another store's id.
 */
export async function updateCoupon(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Coupon> {
  const patch = validate(couponUpdateSchema, input);
  const { coupons } = context.persistence;
  const before = await coupons.findById(storeId, id);
  if (!before) throw new NotFoundError(couponNotFound);
  assertCouponRules({ ...before, ...patch });
  const coupon = await coupons.update(storeId, id, patch, nowIso(context));
  if (!coupon) throw new NotFoundError(couponNotFound);
  await offersChanged(context, storeId);
  return coupon;
}
