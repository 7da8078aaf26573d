import type { Knex } from 'knex';
import type { Order } from '../../orders/order.js';
import { NotFoundError } from '../../errors.js';
import { OrderItemModel } from './models/order-item-model.js';
import { OrderModel } from './models/order-model.js';
import { OrderStatusModel } from './models/order-status-model.js';

/** The database rows of an order, its lines and its history, as their models map them. */
export function orderRows(order: Order): { order: Record<string, unknown>; items: Record<string, unknown>[]; history: Record<string, unknown>[] } {
  return {
    order: OrderModel.fromOrder(order).$toDatabaseJson(),
    items: OrderItemModel.fromLines(order.id, order.items).map((item) => item.$toDatabaseJson()),
    history: OrderStatusModel.fromHistory(order.id, order.history).map((change) => change.$toDatabaseJson()),
  };
}

/**
 * SQLite: takes the store's next order number from the store row. SQLite has one writer, so the
 * row lock costs no concurrency there, and a rollback gives the number back: no gaps. PostgreSQL
 * uses the store's sequence instead (postgres-orders.ts, migration 012).
 */
export async function takeOrderNumber(db: Knex, storeId: string): Promise<number> {
  const rows = (await db('stores').where('id', storeId).increment('next_order_number', 1).returning('next_order_number')) as {
    next_order_number: number;
  }[];
  const row = rows[0];
  if (!row) throw new NotFoundError('Store not found');
  return Number(row.next_order_number) - 1;
}

/**
 * Writes the order row, then its lines and history. The order row goes first: a concurrent
 * duplicate idempotency key waits on its unique index there and fails once the first commits,
 * before writing anything else. Call it in a transaction.
 */
export async function insertOrderRows(db: Knex, order: Order): Promise<void> {
  const rows = orderRows(order);
  await db(OrderModel.tableName).insert(rows.order);
  if (rows.items.length > 0) await db(OrderItemModel.tableName).insert(rows.items);
  if (rows.history.length > 0) await db(OrderStatusModel.tableName).insert(rows.history);
}

/** Orders of `rows` with their lines and history, read in two more queries however many orders. */
export async function withLines(db: Knex, rows: Record<string, unknown>[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const orders = rows.map((row) => OrderModel.fromDatabaseJson(row));
  const ids = orders.map((order) => order.id);
  const [items, history] = await Promise.all([
    db(OrderItemModel.tableName).whereIn('order_id', ids).orderBy(['order_id', 'position']),
    db(OrderStatusModel.tableName).whereIn('order_id', ids).orderBy(['order_id', 'id']),
  ]);
  const lines = groupBy(items as Record<string, unknown>[], (row) => OrderItemModel.fromDatabaseJson(row));
  const changes = groupBy(history as Record<string, unknown>[], (row) => OrderStatusModel.fromDatabaseJson(row));
  return orders.map((order) =>
    order.toOrder(
      (lines.get(order.id) ?? []).map((item) => item.toLine()),
      (changes.get(order.id) ?? []).map((change) => change.toStatusChange()),
    ),
  );
}

function groupBy<M extends { orderId: string }>(rows: Record<string, unknown>[], model: (row: Record<string, unknown>) => M): Map<string, M[]> {
  const groups = new Map<string, M[]>();
  for (const row of rows) {
    const item = model(row);
    const group = groups.get(item.orderId);
    if (group) group.push(item);
    else groups.set(item.orderId, [item]);
  }
  return groups;
}
