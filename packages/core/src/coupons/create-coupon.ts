import { nowIso, type CoreContext } from '../context.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import type { Coupon } from './coupon.js';
import { offersChanged } from './offers-changed.js';
import { assertCouponRules, couponCreateSchema } from './schemas.js';

/** Adds a coupon to the store; ConflictError on 'code' when the store has that code (in any case) already. */
export async function createCoupon(context: CoreContext, storeId: string, input: unknown): Promise<Coupon> {
  const value = validate(couponCreateSchema, input);
  const at = nowIso(context);
  const coupon: Coupon = {
    id: newId(),
    storeId,
    code: value.code,
    type: value.type,
    value: value.value,
    minOrderValue: value.minOrderValue ?? 0,
    maxDiscount: value.maxDiscount ?? null,
    startsAt: value.startsAt ?? null,
    endsAt: value.endsAt ?? null,
    usageLimit: value.usageLimit ?? null,
    perPhoneLimit: value.perPhoneLimit ?? null,
    firstOrderOnly: value.firstOrderOnly ?? false,
    active: value.active ?? true,
    usedCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  assertCouponRules(coupon);
  const stored = await context.persistence.coupons.insert(coupon);
  await offersChanged(context, storeId);
  return stored;
}
