import { stockChanged } from '../catalog/catalog-events.js';
import { nowIso, type CoreContext } from '../context.js';
import { InvalidTransitionError } from '../errors.js';
import { recordOrderEvent } from '../outbox/order-events.js';
import type { Repositories } from '../persistence.js';
import { validate } from '../shared/validate.js';
import { getOrder } from './get-order.js';
import { financialYearOf } from '../india/financial-year.js';
import { defaultStoreTimeZone } from '../shared/time-zone.js';
import type { Order, OrderInvoice } from './order.js';
import { orderStatusSchema } from './schemas.js';
import { canMove, returnsStock } from './status-machine.js';

/** A cash on delivery order handed over is paid: the cash came with the delivery. */
function collectsCash(order: Order): boolean {
  return order.status === 'delivered' && order.payment.method === 'cod' && order.payment.status === 'pending';
}

/**
 * Marks the delivered cash order paid in the delivery's transaction, with its own event. A
 * vendor who marked it paid meanwhile got there first: the compare-and-set leaves that alone.
 */
async function markCashPaid(tx: Repositories, order: Order, at: string): Promise<void> {
  if (!(await tx.orders.changePayment(order.storeId, order.id, { from: 'pending', to: 'paid', at }))) return;
  const paid: Order = { ...order, payment: { ...order.payment, status: 'paid', updatedAt: at } };
  await recordOrderEvent(tx, 'order.payment_changed', paid, { previousPaymentStatus: 'pending' });
}

/** The accepted order's invoice, numbered in the store's financial year of the acceptance. */
async function issueInvoice(tx: Repositories, storeId: string, orderId: string, at: string): Promise<OrderInvoice> {
  const store = await tx.stores.findById(storeId);
  return tx.orders.assignInvoice(storeId, orderId, financialYearOf(at, store?.timeZone ?? defaultStoreTimeZone), at);
}

/**
 * Moves an order along pending -> accepted -> shipped -> delivered (or to rejected, cancelled or
 * returned, which put the stock back, with an optional reason), in one transaction;
 * InvalidTransitionError for any other move, including one that lost a race with a concurrent
 * change: only the move that wins the compare-and-set returns stock, so it comes back once.
 * A cash on delivery order becomes paid when it is delivered, in the same transaction. Acceptance
 * issues the tax invoice (gapless numbers per financial year); a cancel or reject gives the
 * coupon use back.
 */
export async function changeOrderStatus(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Order> {
  const { status, reason: given } = validate(orderStatusSchema, input);
  const reason = given ? given : null;
  const order = await getOrder(context, storeId, id);
  const refuse = (from: string) => new InvalidTransitionError(`Order #${order.number} cannot move from ${from} to ${status}`);
  if (!canMove(order.status, status)) throw refuse(order.status);
  const at = nowIso(context);
  const lines = order.items.map(({ variantId, quantity }) => ({ variantId, quantity }));
  await context.persistence.transaction(async (tx) => {
    if (!(await tx.orders.changeStatus(storeId, id, order.status, status, at, reason))) throw refuse('its current status');
    if (returnsStock(status)) await tx.products.returnStock(storeId, lines);
    // A cancelled or rejected order did not use its coupon; a returned one did (it was sold).
    if (status === 'cancelled' || status === 'rejected') await tx.coupons.release(storeId, id);
    const invoice = status === 'accepted' ? await issueInvoice(tx, storeId, id, at) : order.invoice;
    const moved: Order = { ...order, status, invoice, updatedAt: at, history: [...order.history, { status, at, reason }] };
    await recordOrderEvent(tx, 'order.status_changed', moved, { previousStatus: order.status });
    if (collectsCash(moved)) await markCashPaid(tx, moved, at);
  });
  await context.events.publish({ type: 'order.status-changed', storeId, orderId: id, from: order.status, to: status });
  if (returnsStock(status)) {
    const productIds = [...new Set(order.items.map((line) => line.productId))];
    await stockChanged(context, storeId, productIds);
    await context.events.publish({ type: 'stock.availability-changed', storeId, productIds });
  }
  return getOrder(context, storeId, id);
}
