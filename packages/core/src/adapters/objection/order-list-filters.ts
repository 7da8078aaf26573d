import type { Knex } from 'knex';
import type { OrderListQuery } from '../../orders/order-repository.js';

/** `%`, `_` and the escape character itself, taken literally inside a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE of the order list on `orders`. `store_id` is always the first condition and every
 * index of the table starts with it ((store_id, id), (store_id, status, id),
 * (store_id, created_at), (store_id, number), (store_id, payment_status, id)), so a search reads only the store's own rows,
 * never another store's. The name match lowers both sides in the database, so it folds case
 * the same way on the column and the text (every script on PostgreSQL, ASCII on SQLite).
 * Columns are qualified: the PostgreSQL reader adds subqueries over tables that also have a
 * `status`.
 */
export function applyOrderListFilters(builder: Knex.QueryBuilder, storeId: string, query: OrderListQuery): void {
  builder.where('orders.store_id', storeId);
  if (query.status !== undefined) builder.where('orders.status', query.status);
  if (query.paymentStatus !== undefined) builder.where('orders.payment_status', query.paymentStatus);
  if (query.createdFrom !== undefined) builder.where('orders.created_at', '>=', query.createdFrom);
  if (query.createdBefore !== undefined) builder.where('orders.created_at', '<', query.createdBefore);
  const { search } = query;
  if (search !== undefined) {
    builder.where((any) => {
      any.whereRaw('lower(??) like lower(?) escape ?', ['orders.customer_name', `%${likeLiteral(search.name)}%`, '\\']);
      if (search.number !== undefined) any.orWhere('orders.number', search.number);
      // Digits only (orderSearch made them), so nothing in them is a LIKE wildcard.
      if (search.phoneDigits !== undefined) any.orWhere('orders.customer_phone', 'like', `%${search.phoneDigits}%`);
    });
  }
  if (query.after !== undefined) builder.where('orders.id', '<', query.after);
}
