import { stockChanged } from '../catalog/catalog-events.js';
import { nowIso, type CoreContext } from '../context.js';
import { InvalidTransitionError } from '../errors.js';
import { recordOrderEvent } from '../outbox/order-events.js';
import { validate } from '../shared/validate.js';
import { getOrder } from './get-order.js';
import type { Order } from './order.js';
import { orderStatusSchema } from './schemas.js';
import { canMove, returnsStock } from './status-machine.js';

/**
 * Moves an order along pending -> accepted -> shipped -> delivered (or to rejected, cancelled or
 * returned, which put the stock back, with an optional reason), in one transaction;
 * InvalidTransitionError for any other move, including one that lost a race with a concurrent
 * change: only the move that wins the compare-and-set returns stock, so it comes back once.
 */
export async function changeOrderStatus(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Order> {
  const { status, reason: given } = validate(orderStatusSchema, input);
  const reason = given ? given : null;
  const order = await getOrder(context, storeId, id);
  const refuse = (from: string) => new InvalidTransitionError(`Order #${order.number} cannot move from ${from} to ${status}`);
  if (!canMove(order.status, status)) throw refuse(order.status);
  const at = nowIso(context);
  const lines = order.items.map(({ productId, quantity }) => ({ productId, quantity }));
  await context.persistence.transaction(async (tx) => {
    if (!(await tx.orders.changeStatus(storeId, id, order.status, status, at, reason))) throw refuse('its current status');
    if (returnsStock(status)) await tx.products.returnStock(storeId, lines);
    const moved: Order = { ...order, status, updatedAt: at, history: [...order.history, { status, at, reason }] };
    await recordOrderEvent(tx, 'order.status_changed', moved, { previousStatus: order.status });
  });
  await context.events.publish({ type: 'order.status-changed', storeId, orderId: id, from: order.status, to: status });
  if (returnsStock(status)) {
    const productIds = lines.map((line) => line.productId);
    await stockChanged(context, storeId, productIds);
    await context.events.publish({ type: 'stock.availability-changed', storeId, productIds });
  }
  return getOrder(context, storeId, id);
}
