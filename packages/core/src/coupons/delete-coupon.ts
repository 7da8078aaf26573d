import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { offersChanged } from './offers-changed.js';
import { couponNotFound } from './update-coupon.js';

/** Removes a coupon; orders placed with it keep their discount and its code. */
export async function deleteCoupon(context: CoreContext, storeId: string, id: string): Promise<void> {
  if (!(await context.persistence.coupons.delete(storeId, id))) throw new NotFoundError(couponNotFound);
  await offersChanged(context, storeId);
}
