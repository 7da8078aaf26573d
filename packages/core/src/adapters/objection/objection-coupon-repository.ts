import type { Knex } from 'knex';
import type { ClaimResult, Coupon, CouponUse } from '../../coupons/coupon.js';
import type { CouponRepository } from '../../coupons/coupon-repository.js';
import { ConflictError } from '../../errors.js';
import { newId } from '../../shared/id.js';
import { atomically } from './atomically.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { deleteReturning } from './delete-returning.js';
import { CouponModel } from './models/coupon-model.js';
import { uniqueViolationColumns } from './unique-violation.js';

/** The code column's width: a longer code cannot be stored, so it names no coupon. */
const codeLength = 32;

/** Orders that do not make a phone number a returning customer's. */
const notCounted = ['rejected', 'cancelled'];

const takenCode = 'This store already has a coupon with this code';

/** Runs a write that may reuse a code; a taken code is a ConflictError on 'code', not a driver error. */
async function withUniqueCode<T>(write: () => PromiseLike<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const columns = uniqueViolationColumns(error);
    if (columns?.some((column) => column === 'code' || column.includes('code'))) {
      throw new ConflictError(takenCode, [{ path: 'code', message: takenCode }], { cause: error });
    }
    throw error;
  }
}

async function countOf(builder: Knex.QueryBuilder): Promise<number> {
  const row = (await builder.count({ n: '*' }).first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

/** CouponRepository on `coupons` and `coupon_uses`; every query is scoped to the store. */
export class ObjectionCouponRepository implements CouponRepository {
  constructor(private readonly db: Knex) {}

  async insert(coupon: Coupon): Promise<Coupon> {
    await withUniqueCode(() => CouponModel.query(this.db).insert(CouponModel.fromCoupon(coupon)));
    return coupon;
  }

  async update(storeId: string, id: string, patch: Partial<Coupon>, at: string): Promise<Coupon | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const changes = { ...CouponModel.patchOf(patch), updatedAt: at };
    const rows = await withUniqueCode(() => CouponModel.query(this.db).patch(changes).where({ store_id: storeId, id }).returning('*'));
    const row = rows[0];
    return row ? row.toCoupon() : null;
  }

  async delete(storeId: string, id: string): Promise<boolean> {
    if (!canBeStored(id, columnLimits.id)) return false;
    // Its uses go with it (cascade); orders keep their own copy of the code and discount.
    return (await CouponModel.query(this.db).delete().where({ store_id: storeId, id })) > 0;
  }

  async findById(storeId: string, id: string): Promise<Coupon | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await CouponModel.query(this.db).findOne({ store_id: storeId, id });
    return row ? row.toCoupon() : null;
  }

  async findByCode(storeId: string, code: string): Promise<Coupon | null> {
    if (!canBeStored(code, codeLength)) return null;
    const row = await CouponModel.query(this.db).findOne({ store_id: storeId, code });
    return row ? row.toCoupon() : null;
  }

  async list(storeId: string): Promise<Coupon[]> {
    // Ids are UUIDv7: id order is creation order.
    const rows = await CouponModel.query(this.db).where('store_id', storeId).orderBy('id', 'desc');
    return rows.map((row) => row.toCoupon());
  }

  async listCurrent(storeId: string, at: string): Promise<Coupon[]> {
    // Instants are fixed-width UTC text, so text order is time order on both databases.
    const rows = await CouponModel.query(this.db)
      .where({ store_id: storeId, active: true })
      .where((q) => q.whereNull('starts_at').orWhere('starts_at', '<=', at))
      .where((q) => q.whereNull('ends_at').orWhere('ends_at', '>', at))
      .where((q) => q.whereNull('usage_limit').orWhereRaw('used_count < usage_limit'))
      .orderBy('id', 'desc');
    return rows.map((row) => row.toCoupon());
  }

  claim(coupon: Coupon, phone: string): Promise<ClaimResult> {
    return atomically(this.db, async (db) => {
      // The row lock this UPDATE takes is held until commit: a concurrent claim of the same coupon
      // waits here, then re-reads the row (PostgreSQL) and sees the uses committed before it.
      // SQLite has one writer, so the whole transaction is already alone.
      const taken = await db('coupons')
        .where({ id: coupon.id, store_id: coupon.storeId })
        .where((q) => q.whereNull('usage_limit').orWhereRaw('used_count < usage_limit'))
        .update({ used_count: db.raw('used_count + 1') });
      if (taken === 0) return 'used_up';
      const refusal = await this.#customerRefusal(db, coupon, phone);
      if (refusal === null) return 'claimed';
      // Statements after the lock see what committed before it, so these counts are exact.
      await db('coupons').where({ id: coupon.id, store_id: coupon.storeId }).update({ used_count: db.raw('used_count - 1') });
      return refusal;
    });
  }

  async #customerRefusal(db: Knex, coupon: Coupon, phone: string): Promise<Exclude<ClaimResult, 'claimed' | 'used_up'> | null> {
    if (coupon.perPhoneLimit !== null) {
      const uses = await countOf(db('coupon_uses').where({ coupon_id: coupon.id, phone }));
      if (uses >= coupon.perPhoneLimit) return 'per_customer_limit';
    }
    if (coupon.firstOrderOnly) {
      const orders = await countOf(db('orders').where({ store_id: coupon.storeId, customer_phone: phone }).whereNotIn('status', notCounted));
      if (orders > 0) return 'first_order_only';
    }
    return null;
  }

  async recordUse(use: CouponUse): Promise<void> {
    await this.db('coupon_uses').insert({
      id: newId(),
      coupon_id: use.couponId,
      store_id: use.storeId,
      order_id: use.orderId,
      phone: use.phone,
      created_at: use.at,
    });
  }

  release(storeId: string, orderId: string): Promise<boolean> {
    if (!canBeStored(orderId, columnLimits.id)) return Promise.resolve(false);
    return atomically(this.db, async (db) => {
      // Only the caller whose DELETE removed the use lowers the count, also when two race.
      const use = await deleteReturning(db, 'coupon_uses', { store_id: storeId, order_id: orderId });
      if (!use) return false;
      await db('coupons')
        .where({ id: String(use['coupon_id']), store_id: storeId })
        .where('used_count', '>', 0)
        .update({ used_count: db.raw('used_count - 1') });
      return true;
    });
  }
}
