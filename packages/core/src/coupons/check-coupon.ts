import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { maxAmount } from '../pricing/totals.js';
import { countAttempt } from '../shared/throttle.js';
import { resolveStoreSlug } from '../storefront/resolve-store-slug.js';
import { couponCodePattern, couponOffer, normalizeCouponCode, type Coupon, type CouponOffer } from './coupon.js';
import { couponNotApplicable } from './coupon-not-applicable.js';
import { couponRefusal } from './coupon-refusal.js';

export interface CheckCouponOptions {
  /** The client's address: failed guesses from one address are limited (the checkout limit per minute). */
  clientAddress?: string | undefined;
}

/**
 * Whether a code applies to a cart of `subtotal` (minor units; left out: the minimum is not
 * checked), for the checkout's Apply button: its public terms, or CouponNotApplicableError with
 * the reason and a sentence for the customer. NotFoundError for no store at the slug.
 *
 * Limits per customer and first-order-only need the phone and are decided at checkout, where
 * the use is claimed. Every check counts against the client address before the lookup (a
 * parallel burst cannot slip past); a code that exists is given back, so only guesses that
 * found nothing stay counted and a shopper re-checking a real code is never held up.
 */
export async function checkCoupon(
  context: CoreContext,
  slug: string,
  code: string,
  subtotal?: number,
  options: CheckCouponOptions = {},
): Promise<{ terms: CouponOffer }> {
  const { storeId } = await resolveStoreSlug(context, slug);
  const key = options.clientAddress ? `coupon-check:address:${options.clientAddress}` : null;
  const counted = key !== null && (await countAttempt(context.counters, key, context.limits.checkout));
  const wanted = normalizeCouponCode(code);
  const [store, coupon] = await Promise.all([
    context.persistence.stores.findById(storeId),
    couponCodePattern.test(wanted) ? context.persistence.coupons.findByCode(storeId, wanted) : Promise.resolve<Coupon | null>(null),
  ]);
  if (!store) throw new NotFoundError('No store at this link');
  // A paused code is a guess that found nothing, like an unknown one: only live codes are given back.
  if (coupon?.active && counted && key !== null) await context.counters.decrement(key);
  const at = nowIso(context);
  const reason = couponRefusal(coupon, at, subtotal ?? maxAmount);
  if (!coupon || reason !== null) {
    throw couponNotApplicable(reason ?? 'unknown', coupon, store.currency, { timeZone: store.timeZone, at, ...(subtotal === undefined ? {} : { itemsSubtotal: subtotal }) });
  }
  return { terms: couponOffer(coupon) };
}
