import type { Coupon } from '../../../coupons/coupon.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const couponKeys = [
  'id', 'storeId', 'code', 'type', 'value', 'minOrderValue', 'maxDiscount', 'startsAt', 'endsAt',
  'usageLimit', 'perPhoneLimit', 'firstOrderOnly', 'active', 'usedCount', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof Coupon)[];

/** Fields that may be null: pick leaves out undefined only, so these come back as stored. */
const nullable = ['maxDiscount', 'startsAt', 'endsAt', 'usageLimit', 'perPhoneLimit'] as const;

/** A row of `coupons`. */
export class CouponModel extends BaseModel {
  static override tableName = 'coupons';
  static override booleanProperties = ['firstOrderOnly', 'active'];
  static override bigintProperties = ['value', 'minOrderValue', 'maxDiscount'];

  declare id: string;
  declare storeId: string;
  declare code: string;
  declare type: Coupon['type'];
  declare value: number;
  declare minOrderValue: number;
  declare maxDiscount: number | null;
  declare startsAt: string | null;
  declare endsAt: string | null;
  declare usageLimit: number | null;
  declare perPhoneLimit: number | null;
  declare firstOrderOnly: boolean;
  declare active: boolean;
  declare usedCount: number;
  declare createdAt: string;
  declare updatedAt: string;

  /** The row of a new coupon. */
  static fromCoupon(coupon: Coupon): CouponModel {
    return CouponModel.fromJson(pick(coupon, couponKeys), { skipValidation: true });
  }

  /** The columns a patch changes (its defined fields among the coupon's own, never id or store). */
  static patchOf(patch: Partial<Coupon>): Partial<CouponModel> {
    const { id: _id, storeId: _storeId, createdAt: _createdAt, ...rest } = pick(patch, couponKeys);
    return rest as Partial<CouponModel>;
  }

  /** The domain coupon of this row. */
  toCoupon(): Coupon {
    const coupon = pick(this, couponKeys) as Record<string, unknown>;
    for (const key of nullable) coupon[key] ??= null;
    return coupon as unknown as Coupon;
  }
}
