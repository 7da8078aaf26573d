import type { Knex } from 'knex';
import type { Order } from '../../orders/order.js';
import { noWrites, type NumberedOrder, type PlacedOrderWrites } from '../../orders/order-repository.js';
import { freeCouponUseInsert } from './coupon-uses.js';
import { numberedEventInsert, outboxEventRow } from './outbox-rows.js';
import { OrderItemModel } from './models/order-item-model.js';
import { OrderModel } from './models/order-model.js';
import { OrderStatusModel } from './models/order-status-model.js';
import { orderRows } from './order-rows.js';

/** `INSERT INTO table (cols) VALUES (?, …), …` for rows sharing their keys, with its bindings. */
function insertValues(table: string, rows: Record<string, unknown>[], extra: { column: string; sql: string; bindings: Knex.Value[] } | null = null) {
  const columns = Object.keys(rows[0] ?? {});
  const names = [...columns, ...(extra ? [extra.column] : [])].map((c) => `"${c}"`).join(', ');
  const tuple = `(${[...columns.map(() => '?'), ...(extra ? [extra.sql] : [])].join(', ')})`;
  return {
    sql: `INSERT INTO "${table}" (${names}) VALUES ${rows.map(() => tuple).join(', ')}`,
    bindings: rows.flatMap((row) => [...columns.map((c) => row[c] ?? null), ...(extra ? extra.bindings : [])]) as Knex.Value[],
  };
}

/**
 * The order, its lines and its history in ONE statement (data-modifying CTEs), the number taken
 * from the store's sequence (migration 012) as the order row is written. `nextval()` holds no lock
 * until commit, so concurrent checkouts of one store do not queue behind each other; it does not
 * roll back either, so an order that fails from here on (a replayed idempotency key meeting the
 * first order's row, a failed commit) leaves a gap in the store's numbers. Foreign keys are
 * checked at the end of the statement, when the order row exists.
 */
export async function insertNumberedOrderPostgres(db: Knex, order: Order, writes: PlacedOrderWrites = noWrites): Promise<NumberedOrder> {
  const { freeCouponUse } = writes;
  const rows = orderRows({ ...order, number: 0 });
  delete rows.order['number'];
  const parts = [insertValues(OrderModel.tableName, [rows.order], { column: 'number', sql: 'nextval(order_number_sequence(?)::regclass)', bindings: [order.storeId] })];
  const names = ['o'];
  if (rows.items.length > 0) {
    parts.push(insertValues(OrderItemModel.tableName, rows.items));
    names.push('i');
  }
  if (rows.history.length > 0) {
    parts.push(insertValues(OrderStatusModel.tableName, rows.history));
    names.push('h');
  }
  // The use of a coupon that limits nothing rides in the same statement: one round trip fewer
  // while the transaction is open, and no lock on the coupon row but the shared one.
  if (freeCouponUse) {
    parts.push(freeCouponUseInsert(freeCouponUse));
    names.push('u');
  }
  // The order's event too, when its number can be joined in (else on its own below).
  const event = writes.event ? numberedEventInsert(writes.event) : null;
  if (event) {
    parts.push(event);
    names.push('e');
  }
  const ctes = parts.map((part, index) => `${names[index]} AS (${part.sql}${names[index] === 'o' ? ' RETURNING "number"' : ''})`);
  const used = freeCouponUse ? '(SELECT COUNT(*) FROM u)' : '0';
  const result = (await db.raw(`WITH ${ctes.join(', ')} SELECT "number", ${used} AS "uses" FROM o`, parts.flatMap((p) => p.bindings))) as {
    rows: { number: number | string; uses: number | string }[];
  };
  const row = result.rows[0];
  if (row === undefined) throw new Error('the numbered order insert returned no row');
  const number = Number(row.number);
  if (writes.event && !event) await db('outbox_events').insert(outboxEventRow(writes.event(number)));
  return { number, couponUseRecorded: Number(row.uses) > 0 };
}
