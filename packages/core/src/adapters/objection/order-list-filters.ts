import type { Knex } from 'knex';
import type { OrderListQuery } from '../../orders/order-repository.js';

/** `%`, `_` and the escape character itself, taken literally inside a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Whether pg_trgm can find `text` in its index: only a run of three letters or digits gives it a
 * trigram. For a shorter run ("zq", "a b") a trigram index offers no narrowing, and reading it
 * means reading all of it and then every order of every store (0.7 s at 200,000 orders), which
 * the planner does not foresee.
 */
function hasTrigram(text: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(text);
}

/**
 * The name condition: part of the name, any case. The LIKE on `lower(customer_name)` is the
 * expression migration 014's trigram index holds on PostgreSQL. Text without a trigram is
 * compared with `strpos` instead, which no index serves: the planner then walks the store's
 * newest orders through (store_id, id) and stops at a page, as before the index (same answers).
 */
function whereNameHolds(builder: Knex.QueryBuilder, name: string): void {
  const postgres = (builder.client as { dialect?: unknown }).dialect === 'postgresql';
  if (postgres && !hasTrigram(name)) builder.whereRaw('strpos(lower(??), lower(?)) > 0', ['orders.customer_name', name]);
  else builder.whereRaw('lower(??) like lower(?) escape ?', ['orders.customer_name', `%${likeLiteral(name)}%`, '\\']);
}

/**
 * The WHERE of the order list on `orders`. `store_id` is always the first condition, so a
 * search never returns another store's orders. The list and the filters read through indexes
 * that start with it ((store_id, id), (store_id, status, id), (store_id, created_at),
 * (store_id, number), (store_id, payment_status, id)). A search on PostgreSQL may also read
 * migration 014's trigram indexes (name, phone), which span every store: the planner weighs
 * them against walking the store's own newest orders. The name match lowers both sides in the
 * database, so it folds case the same way on the column and the text (every script on
 * PostgreSQL, ASCII on SQLite). Columns are qualified: the PostgreSQL reader adds subqueries
 * over tables that also have a `status`.
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
      whereNameHolds(any, search.name);
      if (search.number !== undefined) any.orWhere('orders.number', search.number);
      // Digits only (orderSearch made them), so nothing in them is a LIKE wildcard.
      if (search.phoneDigits !== undefined) any.orWhere('orders.customer_phone', 'like', `%${search.phoneDigits}%`);
    });
  }
  if (query.after !== undefined) builder.where('orders.id', '<', query.after);
}
