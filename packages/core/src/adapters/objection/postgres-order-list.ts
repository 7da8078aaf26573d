import type { Knex } from 'knex';
import type { Order } from '../../orders/order.js';
import { lineOfRow } from './models/order-item-model.js';
import { OrderModel, orderOfRow } from './models/order-model.js';
import { statusChangeOfRow } from './models/order-status-model.js';

/**
 * Each order's lines and history as JSON arrays of whole rows (keys are column names, so they
 * map as a row does), in their stored order.
 */
const linesAndHistorySql = `
  COALESCE((SELECT json_agg(i ORDER BY i.position) FROM order_items i WHERE i.order_id = orders.id), '[]'::json) AS dk_items,
  COALESCE((SELECT json_agg(h ORDER BY h.id) FROM order_status_history h WHERE h.order_id = orders.id), '[]'::json) AS dk_history`;

type RowWithLines = Record<string, unknown> & { dk_items: Record<string, unknown>[]; dk_history: Record<string, unknown>[] };

/**
 * Orders matching `filter` with their lines and history, in one query. Rows map straight to
 * orders (orderOfRow & co., the models' own mapping) without a model instance per order, line
 * and history entry: a list page of 20 orders built ~100 of them, a large part of its CPU.
 */
export async function loadOrdersPostgres(db: Knex, filter: (builder: Knex.QueryBuilder) => void): Promise<Order[]> {
  const builder = db(OrderModel.tableName).select('orders.*', db.raw(linesAndHistorySql));
  filter(builder);
  const rows = (await builder) as RowWithLines[];
  return rows.map(({ dk_items, dk_history, ...row }) => orderOfRow(row, dk_items.map(lineOfRow), dk_history.map(statusChangeOfRow)));
}
