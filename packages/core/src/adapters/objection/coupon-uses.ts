import type { Knex } from 'knex';
import type { CouponUse } from '../../coupons/coupon.js';
import { newId } from '../../shared/id.js';

/**
 * A coupon row that limits nothing (coupons.limitsNothing in SQL). Such a coupon's checkouts do
 * not touch its row: its `used_count` column is not kept and its uses are counted from
 * `coupon_uses` when it is read. Every checkout with a popular code would otherwise queue on
 * that one row's lock until commit (PostgreSQL), for a number nothing at checkout needs.
 */
export const limitsNothingSql = '(usage_limit IS NULL AND per_phone_limit IS NULL AND NOT first_order_only)';

/**
 * The exact `used_count` of a row of `coupons`: the counter of a coupon with a limit (claim and
 * release keep it), the count of its uses for one without. An integer on both databases (a
 * PostgreSQL count is a bigint, which pg would hand over as a string).
 */
export const usedCountSql = `CAST(CASE WHEN ${limitsNothingSql} THEN (SELECT COUNT(*) FROM coupon_uses cu WHERE cu.coupon_id = coupons.id) ELSE used_count END AS INTEGER)`;

/** The columns of `coupons` but `used_count`, which readers take from usedCountSql. */
export const couponColumns = [
  'id', 'store_id', 'code', 'type', 'value', 'min_order_value', 'max_discount', 'starts_at', 'ends_at',
  'usage_limit', 'per_phone_limit', 'first_order_only', 'active', 'created_at', 'updated_at',
].map((column) => `coupons.${column}`);

/** The row of a use. */
function useRow(use: CouponUse): Record<string, Knex.Value> {
  return { id: newId(), coupon_id: use.couponId, store_id: use.storeId, order_id: use.orderId, phone: use.phone, created_at: use.at };
}

/**
 * PostgreSQL: an `INSERT … RETURNING` for a data-modifying CTE that records `use` only while its
 * coupon still limits nothing. The coupon row is read `FOR KEY SHARE` (the lock the foreign key
 * takes anyway, which concurrent checkouts share): a coupon update that sets a limit takes
 * `FOR UPDATE` first, so it waits for the checkouts that recorded a use before counting them,
 * and a checkout arriving meanwhile waits for it, then re-reads the changed row and records
 * nothing (the caller then claims the coupon as a limited one).
 */
export function freeCouponUseInsert(use: CouponUse): { sql: string; bindings: Knex.Value[] } {
  const row = useRow(use);
  return {
    sql:
      'INSERT INTO "coupon_uses" ("id", "coupon_id", "store_id", "order_id", "phone", "created_at") ' +
      `SELECT ?, c.id, c.store_id, ?, ?, ? FROM (SELECT id, store_id FROM coupons WHERE id = ? AND store_id = ? AND ${limitsNothingSql} FOR KEY SHARE) c RETURNING 1`,
    bindings: [row['id'] ?? null, use.orderId, use.phone, use.at, use.couponId, use.storeId],
  };
}

/**
 * SQLite: records `use` when its coupon still limits nothing; whether it did. One writer at a
 * time, so the coupon cannot change between the two statements.
 */
export async function recordFreeCouponUse(db: Knex, use: CouponUse): Promise<boolean> {
  const free = await db('coupons').where({ id: use.couponId, store_id: use.storeId }).whereRaw(limitsNothingSql).first('id');
  if (!free) return false;
  await db('coupon_uses').insert(useRow(use));
  return true;
}

/** Records a use that its claim already counted (or a use whatever the coupon's limits). */
export async function insertCouponUse(db: Knex, use: CouponUse): Promise<void> {
  await db('coupon_uses').insert(useRow(use));
}
