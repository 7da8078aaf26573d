import { nowIso, type CoreContext } from '../context.js';
import { InvalidTransitionError } from '../errors.js';
import { recordOrderEvent } from '../outbox/order-events.js';
import { getStore } from '../stores/get-store.js';
import { getOrder } from './get-order.js';
import type { Order } from './order.js';
import { paymentMoveRefusal } from './payment-machine.js';

export interface PaymentMove {
  to: 'paid' | 'refunded';
  /** Replaces the stored reference; undefined keeps it. */
  reference?: string | null | undefined;
  /** true when the provider told us (its notification): it moved the money already, so no refund is asked of it. */
  fromProvider?: boolean;
}

/**
 * Moves `order`'s payment, if the payment machine allows it (InvalidTransitionError otherwise,
 * also when a concurrent change got there first: the write is a compare-and-set on the status
 * read here). A refund the vendor asks for goes through the method's provider first (which gives
 * the money back, or, for manual UPI, leaves it to the vendor). The change and its
 * `order.payment_changed` event are written in one transaction.
 */
export async function applyPaymentChange(context: CoreContext, order: Order, move: PaymentMove): Promise<Order> {
  const refusal = paymentMoveRefusal(order, move.to);
  if (refusal) throw new InvalidTransitionError(refusal);
  let reference = move.reference;
  const provider = context.payments.get(order.payment.method);
  if (move.to === 'refunded' && !move.fromProvider && provider) {
    const refund = await provider.refund(order, await getStore(context, order.storeId));
    if (reference === undefined && refund.reference !== null) reference = refund.reference;
  }
  const at = nowIso(context);
  const previous = order.payment.status;
  await context.persistence.transaction(async (tx) => {
    const moved = await tx.orders.changePayment(order.storeId, order.id, { from: previous, to: move.to, reference, at });
    if (!moved) throw new InvalidTransitionError(`Order #${order.number}'s payment changed meanwhile; reload it and try again`);
    const payment = { ...order.payment, status: move.to, reference: reference === undefined ? order.payment.reference : reference, updatedAt: at };
    await recordOrderEvent(tx, 'order.payment_changed', { ...order, payment, updatedAt: at }, { previousPaymentStatus: previous });
  });
  return getOrder(context, order.storeId, order.id);
}
