import { nowIso, type CoreContext } from '../context.js';
import { InvalidTransitionError, NotFoundError, ValidationFailedError } from '../errors.js';
import { decodeCursor, type Page } from '../shared/page.js';
import { resolveStoreSlug } from '../storefront/get-store-view.js';
import { validate } from '../shared/validate.js';
import type { Order, OrderSummary } from './order.js';
import { orderListSchema, orderStatusSchema } from './schemas.js';
import { canMove, returnsStock } from './status-machine.js';

/** The store's orders, newest first, optionally of one status. */
export async function listOrders(context: CoreContext, storeId: string, input: unknown): Promise<Page<Order>> {
  const query = validate(orderListSchema, input ?? {});
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'cursor', message: 'cursor is not one this API gave out' }]);
  }
  return context.persistence.orders.list(storeId, { limit: query.limit, after, status: query.status });
}

/** The store's order; NotFoundError for another store's or an unknown id. */
export async function getOrder(context: CoreContext, storeId: string, id: string): Promise<Order> {
  const order = await context.persistence.orders.findById(storeId, id);
  if (!order) throw new NotFoundError('Order not found');
  return order;
}

/** The order behind a customer's tracking link; NotFoundError for an unknown store or token. */
export async function getOrderByToken(context: CoreContext, slug: string, token: string): Promise<Order> {
  const { storeId } = await resolveStoreSlug(context, slug);
  const order = /^[\w-]{10,64}$/.test(token) ? await context.persistence.orders.findByToken(storeId, token) : null;
  if (!order) throw new NotFoundError('Order not found');
  return order;
}

/**
 * Moves an order along pending -> accepted -> shipped -> delivered (or to rejected/cancelled,
 * which puts the stock back), in one transaction; InvalidTransitionError for any other move,
 * including one that lost a race with a concurrent change.
 */
export async function changeOrderStatus(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Order> {
  const { status } = validate(orderStatusSchema, input);
  const order = await getOrder(context, storeId, id);
  const refuse = (from: string) => new InvalidTransitionError(`Order #${order.number} cannot move from ${from} to ${status}`);
  if (!canMove(order.status, status)) throw refuse(order.status);
  const at = nowIso(context);
  await context.persistence.transaction(async (tx) => {
    if (!(await tx.orders.changeStatus(storeId, id, order.status, status, at))) throw refuse('its current status');
    if (returnsStock(status)) {
      await tx.products.returnStock(storeId, order.items.map(({ productId, quantity }) => ({ productId, quantity })));
    }
  });
  await context.events.publish({ type: 'order.status-changed', storeId, orderId: id, from: order.status, to: status });
  if (returnsStock(status)) {
    await context.events.publish({ type: 'stock.availability-changed', storeId, productIds: order.items.map((line) => line.productId) });
  }
  return getOrder(context, storeId, id);
}

/** Orders and revenue since `since` (e.g. the start of today in the vendor's time zone) and the pending count. */
export function orderSummary(context: CoreContext, storeId: string, since: Date): Promise<OrderSummary> {
  return context.persistence.orders.summary(storeId, since.toISOString());
}
