import { nowIso, type CoreContext } from '../context.js';
import { resolveStoreSlug } from '../storefront/resolve-store-slug.js';
import { couponOffer, type CouponOffer } from './coupon.js';

/**
 * The offers the store page shows now: active coupons that started, did not end and are not
 * used up, newest first, with their public terms only. One query; the store page caches what
 * it renders under the store's version (coupon writes replace it), so call it inside that render.
 */
export async function currentOffers(context: CoreContext, slug: string): Promise<CouponOffer[]> {
  const { storeId } = await resolveStoreSlug(context, slug);
  return currentOffersOfStore(context, storeId);
}

/**
 * currentOffers of a store the caller has already resolved (the store page holds its view): one
 * query, where asking by slug would look the slug up again (a query of its own when nothing is cached).
 */
export async function currentOffersOfStore(context: CoreContext, storeId: string): Promise<CouponOffer[]> {
  const coupons = await context.persistence.coupons.listCurrent(storeId, nowIso(context));
  return coupons.map(couponOffer);
}
