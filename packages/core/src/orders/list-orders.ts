import type { CoreContext } from '../context.js';
import { afterCursor, type Page } from '../shared/page.js';
import { defaultStoreTimeZone } from '../shared/time-zone.js';
import { getStore } from '../stores/get-store.js';
import { validate } from '../shared/validate.js';
import type { Order } from './order.js';
import { orderFilters } from './order-filters.js';
import { orderListSchema } from './schemas.js';

/**
 * The store's orders, newest first, filtered by `q` (number, customer name or phone), `status`,
 * `paymentStatus` and the days `from`-`to` (in the store's time zone, `Store.timeZone`).
 */
export async function listOrders(context: CoreContext, storeId: string, input: unknown): Promise<Page<Order>> {
  const query = validate(orderListSchema, input ?? {});
  const after = afterCursor(query.cursor);
  // Only dates need the store's zone: a plain page costs no extra query.
  const timeZone = query.from || query.to ? (await getStore(context, storeId)).timeZone : defaultStoreTimeZone;
  return context.persistence.orders.list(storeId, { limit: query.limit, after, ...orderFilters(query, timeZone) });
}
