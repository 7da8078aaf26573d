import type { CoreContext } from '../context.js';
import type { OrderSummary } from './order.js';

/** Orders and revenue since `since` (e.g. the start of today in the vendor's time zone) and the pending count. */
export function orderSummary(context: CoreContext, storeId: string, since: Date): Promise<OrderSummary> {
  return context.persistence.orders.summary(storeId, since.toISOString());
}
