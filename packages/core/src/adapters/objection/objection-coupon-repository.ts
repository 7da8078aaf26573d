import type { Knex } from 'knex';
import { limitsNothing, type ClaimResult, type Coupon, type CouponAtCheckout, type CouponUse } from '../../coupons/coupon.js';
import type { CouponRepository } from '../../coupons/coupon-repository.js';
import { ConflictError } from '../../errors.js';
import { atomically } from './atomically.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { couponColumns, insertCouponUse, limitsNothingSql, usedCountSql } from './coupon-uses.js';
import { deleteReturning } from './delete-returning.js';
import { dialectFor } from './dialect.js';
import { CouponModel } from './models/coupon-model.js';
import { firstRow } from './raw-statements.js';
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

/** The limit columns of a row, as a Coupon's fields (SQLite keeps booleans as 0 and 1). */
interface LimitRow {
  usage_limit: number | null;
  per_phone_limit: number | null;
  first_order_only: boolean | number;
}

function limitsOf(row: LimitRow): Pick<Coupon, 'usageLimit' | 'perPhoneLimit' | 'firstOrderOnly'> {
  return { usageLimit: row.usage_limit, perPhoneLimit: row.per_phone_limit, firstOrderOnly: Boolean(row.first_order_only) };
}

/**
 * CouponRepository on `coupons` and `coupon_uses`; every query is scoped to the store. The
 * `used_count` column counts the uses of a coupon with a limit only; for one that limits nothing
 * readers count its `coupon_uses` rows (coupon-uses.ts).
 */
export class ObjectionCouponRepository implements CouponRepository {
  constructor(private readonly db: Knex) {}

  /** Coupons with their exact used count. */
  #coupons(db: Knex = this.db) {
    return CouponModel.query(db).select([...couponColumns, db.raw(`${usedCountSql} AS used_count`)]);
  }

  async insert(coupon: Coupon): Promise<Coupon> {
    await withUniqueCode(() => CouponModel.query(this.db).insert(CouponModel.fromCoupon(coupon)));
    return coupon;
  }

  async update(storeId: string, id: string, patch: Partial<Coupon>, at: string): Promise<Coupon | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    return atomically(this.db, async (db) => {
      // FOR UPDATE rather than the UPDATE's own lock: only it conflicts with the key-share lock a
      // checkout recording a use of a coupon that limits nothing holds until commit. Waiting for
      // those, the count below includes their uses, and checkouts after it see the new limits.
      const before = (await dialectFor(db).lockRows(db('coupons').where({ store_id: storeId, id }).first('usage_limit', 'per_phone_limit', 'first_order_only'))) as
        | LimitRow
        | undefined;
      if (!before) return null;
      const changes: Partial<Record<keyof CouponModel, unknown>> = { ...CouponModel.patchOf(patch), updatedAt: at };
      const was = limitsOf(before);
      const will = {
        usageLimit: patch.usageLimit === undefined ? was.usageLimit : patch.usageLimit,
        perPhoneLimit: patch.perPhoneLimit === undefined ? was.perPhoneLimit : patch.perPhoneLimit,
        firstOrderOnly: patch.firstOrderOnly ?? was.firstOrderOnly,
      };
      const gainsLimit = limitsNothing(was) && !limitsNothing(will);
      // Its uses were not counted while it limited nothing: the counter starts from them.
      if (gainsLimit && patch.usedCount === undefined) changes.usedCount = db.raw('(SELECT COUNT(*) FROM coupon_uses cu WHERE cu.coupon_id = coupons.id)');
      await withUniqueCode(() => CouponModel.query(db).patch(changes as Partial<CouponModel>).where({ store_id: storeId, id }));
      const row = await this.#coupons(db).findOne({ 'coupons.store_id': storeId, 'coupons.id': id });
      return row ? row.toCoupon() : null;
    });
  }

  async delete(storeId: string, id: string): Promise<boolean> {
    if (!canBeStored(id, columnLimits.id)) return false;
    // Its uses go with it (cascade); orders keep their own copy of the code and discount.
    return (await CouponModel.query(this.db).delete().where({ store_id: storeId, id })) > 0;
  }

  async findById(storeId: string, id: string): Promise<Coupon | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await this.#coupons().findOne({ 'coupons.store_id': storeId, 'coupons.id': id });
    return row ? row.toCoupon() : null;
  }

  async findByCode(storeId: string, code: string): Promise<Coupon | null> {
    if (!canBeStored(code, codeLength)) return null;
    const row = await this.#coupons().findOne({ 'coupons.store_id': storeId, 'coupons.code': code });
    return row ? row.toCoupon() : null;
  }

  async findForCheckout(storeId: string, code: string): Promise<CouponAtCheckout | null> {
    if (!canBeStored(code, codeLength)) return null;
    // The stored counter, not the count of uses: a scan per order of a popular code's uses.
    // Raw: read in every checkout with a code (raw-statements.ts).
    const row = await firstRow<Record<string, unknown>>(this.db, 'SELECT * FROM coupons WHERE store_id = ? AND code = ?', [storeId, code]);
    if (!row) return null;
    const coupon = CouponModel.fromDatabaseJson(row).toCoupon();
    return { ...coupon, usedCount: limitsNothing(coupon) ? null : coupon.usedCount };
  }

  async list(storeId: string): Promise<Coupon[]> {
    // Ids are UUIDv7: id order is creation order.
    const rows = await this.#coupons().where('coupons.store_id', storeId).orderBy('coupons.id', 'desc');
    return rows.map((row) => row.toCoupon());
  }

  async listCurrent(storeId: string, at: string): Promise<Coupon[]> {
    // Instants are fixed-width UTC text, so text order is time order on both databases.
    const rows = await this.#coupons()
      .where({ 'coupons.store_id': storeId, 'coupons.active': true })
      .where((q) => q.whereNull('starts_at').orWhere('starts_at', '<=', at))
      .where((q) => q.whereNull('ends_at').orWhere('ends_at', '>', at))
      .where((q) => q.whereNull('usage_limit').orWhereRaw('used_count < usage_limit'))
      .orderBy('id', 'desc');
    return rows.map((row) => row.toCoupon());
  }

  claim(coupon: CouponAtCheckout, phone: string): Promise<ClaimResult> {
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

  async #customerRefusal(db: Knex, coupon: CouponAtCheckout, phone: string): Promise<Exclude<ClaimResult, 'claimed' | 'used_up'> | null> {
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
    await insertCouponUse(this.db, use);
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
        // A coupon that limits nothing keeps no counter: its remaining rows are its count.
        .whereRaw(`NOT ${limitsNothingSql}`)
        .update({ used_count: db.raw('used_count - 1') });
      return true;
    });
  }
}
