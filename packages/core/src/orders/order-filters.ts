import { nextDay, startOfDay } from '../shared/time-zone.js';
import type { OrderListQuery } from './order-repository.js';
import { orderSearch } from './order-search.js';
import type { OrderFilterInput } from './schemas.js';

/** The repository's filters, without paging. */
export type OrderFilters = Omit<OrderListQuery, 'limit' | 'after'>;

/**
 * Validated filters as the repository takes them. `from` and `to` are calendar days in the
 * store's time zone, both included: `from` becomes the instant its day starts there, `to` the
 * instant the next day starts (exclusive), so an order placed at 00:30 IST on the 5th (18:00 UTC
 * on the 4th) is on the 5th. `to` = 9999-12-31 has no next day to stop at, and needs no bound.
 */
export function orderFilters(input: OrderFilterInput, timeZone: string): OrderFilters {
  const filters: OrderFilters = {};
  if (input.status !== undefined) filters.status = input.status;
  if (input.paymentStatus !== undefined) filters.paymentStatus = input.paymentStatus;
  const search = orderSearch(input.q);
  if (search) filters.search = search;
  if (input.from) filters.createdFrom = startOfDay(input.from, timeZone).toISOString();
  const after = input.to ? nextDay(input.to) : null;
  if (after) filters.createdBefore = startOfDay(after, timeZone).toISOString();
  return filters;
}
