import type { OutboxEventInput } from '../../outbox/outbox-event.js';
import { newId } from '../../shared/id.js';

/** The `outbox_events` row of a new event (not dispatched yet). */
export function outboxEventRow(event: OutboxEventInput, id: string = newId()) {
  return {
    id,
    store_id: event.storeId,
    type: event.type,
    order_id: event.orderId,
    product_id: event.productId,
    data: JSON.stringify(event.data),
    created_at: event.createdAt,
    dispatched_at: null,
  };
}

/**
 * PostgreSQL: the INSERT (for a data-modifying CTE after `o`, the order's, which returns its
 * "number") of the event `eventOf` builds from the order's number, which only the statement
 * knows. The event is built once with a stand-in number and its JSON text is cut where that
 * number stands; the statement joins the two halves around the real one, so the text is
 * byte for byte what JSON.stringify would make of the event with it. Null when the stand-in
 * does not appear exactly once, as a `"number"` (then write the event on its own).
 */
export function numberedEventInsert(eventOf: (number: number) => OutboxEventInput): { sql: string; bindings: (string | null)[] } | null {
  // Far above any real order number, and different each time: a text cannot be made to hold it.
  const standIn = Number.MAX_SAFE_INTEGER - Math.floor(Math.random() * 1e12);
  const row = outboxEventRow(eventOf(standIn));
  const digits = String(standIn);
  const cut = row.data.indexOf(digits);
  // Anywhere else (a second place, or not under "number") the text would need the number twice.
  if (cut < 0 || row.data.indexOf(digits, cut + 1) >= 0 || !row.data.slice(0, cut).endsWith('"number":')) return null;
  return {
    sql:
      'INSERT INTO "outbox_events" ("id", "store_id", "type", "order_id", "product_id", "data", "created_at", "dispatched_at") ' +
      'SELECT ?, ?, ?, ?, ?, CAST(? AS text) || o."number" || CAST(? AS text), ?, NULL FROM o',
    bindings: [row.id, row.store_id, row.type, row.order_id, row.product_id, row.data.slice(0, cut), row.data.slice(cut + digits.length), row.created_at],
  };
}
