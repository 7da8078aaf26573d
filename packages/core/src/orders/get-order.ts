import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Order } from './order.js';

/** The store's order; NotFoundError for another store's or an unknown id. */
export async function getOrder(context: CoreContext, storeId: string, id: string): Promise<Order> {
  const order = await context.persistence.orders.findById(storeId, id);
  if (!order) throw new NotFoundError('Order not found');
  return order;
}
