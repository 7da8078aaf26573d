import type { Knex } from 'knex';
import type { Order } from '../../orders/order.js';
import { orderItemRows } from './models/order-item-model.js';

/** The orders row of an order, snake_case, without its number. */
function orderRow(order: Order): Record<string, unknown> {
  const { customer } = order;
  return {
    id: order.id,
    store_id: order.storeId,
    token: order.token,
    status: order.status,
    customer_name: customer.name,
    customer_phone: customer.phone,
    customer_email: customer.email,
    customer_address: customer.address,
    customer_pincode: customer.pincode,
    subtotal: order.subtotal,
    delivery_fee: order.deliveryFee,
    total: order.total,
    currency: order.currency,
    payment_method: order.paymentMethod,
    note: order.note,
    idempotency_key: order.idempotencyKey,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  };
}

/** `INSERT INTO table (cols) VALUES (?, …), …` for rows sharing their keys, with its bindings. */
function insertValues(table: string, rows: Record<string, unknown>[], extra: { column: string; sql: string } | null = null) {
  const columns = Object.keys(rows[0] ?? {});
  const names = [...columns, ...(extra ? [extra.column] : [])].map((c) => `"${c}"`).join(', ');
  const tuple = `(${[...columns.map(() => '?'), ...(extra ? [extra.sql] : [])].join(', ')})`;
  return {
    sql: `INSERT INTO "${table}" (${names}) VALUES ${rows.map(() => tuple).join(', ')}`,
    bindings: rows.flatMap((row) => columns.map((c) => row[c] ?? null)) as Knex.Value[],
  };
}

/**
 * PostgreSQL: the number, the order, its lines and its history in ONE statement (data-modifying
 * CTEs), so a checkout holds the store row's lock for one round trip before its commit instead
 * of four. Foreign keys are checked at the end of the statement, when the order row exists.
 */
export async function insertWithNextNumberPostgres(db: Knex, order: Order): Promise<number> {
  const parts = [
    { sql: 'UPDATE "stores" SET "next_order_number" = "next_order_number" + 1 WHERE "id" = ? RETURNING "next_order_number" - 1 AS "number"', bindings: [order.storeId] as Knex.Value[] },
    insertValues('orders', [orderRow(order)], { column: 'number', sql: '(SELECT "number" FROM n)' }),
  ];
  const names = ['n', 'o'];
  if (order.items.length > 0) {
    parts.push(insertValues('order_items', orderItemRows(order.id, order.items)));
    names.push('i');
  }
  if (order.history.length > 0) {
    parts.push(insertValues('order_status_history', order.history.map((c) => ({ order_id: order.id, status: c.status, at: c.at }))));
    names.push('h');
  }
  const ctes = parts.map((part, index) => `${names[index]} AS (${part.sql}${names[index] === 'o' ? ' RETURNING "number"' : ''})`);
  const result = (await db.raw(`WITH ${ctes.join(', ')} SELECT "number" FROM o`, parts.flatMap((p) => p.bindings))) as { rows: { number: number }[] };
  const number = result.rows[0]?.number;
  if (number === undefined) throw new Error('the numbered order insert returned no row');
  return Number(number);
}
