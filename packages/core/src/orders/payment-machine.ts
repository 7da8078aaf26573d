import type { Order, OrderStatus, PaymentStatus } from './order.js';

/** The order statuses after which a paid order's money may go back: it was stopped, or came back. */
export const refundableStatuses: readonly OrderStatus[] = ['rejected', 'cancelled', 'returned'];

/**
 * Why `order`'s payment cannot move to `to`, or null when it can. The moves: pending -> paid (in
 * any order status: a customer may pay online before the vendor cancels; but cash on delivery is
 * paid on delivery, so a rejected, cancelled or returned COD order never took the cash and
 * cannot be marked paid), and paid -> refunded once the
 * order was rejected, cancelled or returned. Refunded is final; nothing goes back to pending.
 */
export function paymentMoveRefusal(order: Pick<Order, 'number' | 'status' | 'payment'>, to: PaymentStatus): string | null {
  const from = order.payment.status;
  const name = `Order #${order.number}`;
  if (from === to) return `${name} is already ${to}`;
  if (to === 'paid') {
    if (from !== 'pending') return `${name} was refunded; it cannot be marked paid again`;
    if (order.payment.method === 'cod' && refundableStatuses.includes(order.status)) {
      return `${name} is cash on delivery and was ${order.status}, so no cash was taken; it cannot be marked paid`;
    }
    return null;
  }
  if (to === 'refunded') {
    if (from !== 'paid') return `${name} has not been paid, so there is nothing to refund`;
    return refundableStatuses.includes(order.status) ? null : `${name} is ${order.status}: only a paid order that was cancelled, rejected or returned can be refunded`;
  }
  return `${name}'s payment cannot go back to pending`;
}
