import type { CoreContext } from '../context.js';
import type { Coupon } from './coupon.js';

/** The store's coupons, newest first (a store has tens, not thousands: no pages). */
export function listCoupons(context: CoreContext, storeId: string): Promise<Coupon[]> {
  return context.persistence.coupons.list(storeId);
}
