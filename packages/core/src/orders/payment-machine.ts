import type { Order, OrderStatus, PaymentStatus } from './order.js';

/** The order statuses after which a paid order's money may go back: it was stopped, or came back. */
export const refundableStatuses: readonly OrderStatus[] = ['rejected', 'cancelled', 'returned'];

/**
 * Why `order`'s payment cannot move to `to`, or null when it can. The moves: pending -> paid (in
 * any order status: a customer may pay before the vendor cancels), and paid -> refunded once the
 * order was rejected, cancelled or returned. Refunded is final; nothing goes back to pending.
 */
export function paymentMoveRefusal(order: Pick<Order, 'number' | 'status' | 'payment'>, to: PaymentStatus): string | null {
  const from = order.payment.status;
  const name = `Order #${order.number}`;
  if (from === to) return `${name} is already ${to}`;
  if (to === 'paid') return from === 'pending' ? null : `${name} was refunded; it cannot be marked paid again`;
  if (to === 'refunded') {
    if (from !== 'paid') return `${name} has not been paid, so there is nothing to refund`;
    return refundableStatuses.includes(order.status) ? null : `${name} is ${order.status}: only a paid order that was cancelled, rejected or returned can be refunded`;
  }
  return `${name}'s payment cannot go back to pending`;
}
