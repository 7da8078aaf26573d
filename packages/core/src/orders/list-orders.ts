import type { CoreContext } from '../context.js';
import { afterCursor, type Page } from '../shared/page.js';
import { validate } from '../shared/validate.js';
import type { Order } from './order.js';
import { orderListSchema } from './schemas.js';

/** The store's orders, newest first, optionally of one status. */
export async function listOrders(context: CoreContext, storeId: string, input: unknown): Promise<Page<Order>> {
  const query = validate(orderListSchema, input ?? {});
  const after = afterCursor(query.cursor);
  return context.persistence.orders.list(storeId, { limit: query.limit, after, status: query.status });
}
