import type { CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { applyPaymentChange } from '../orders/apply-payment-change.js';
import { getOrder } from '../orders/get-order.js';
import { paymentMethods, type Order, type PaymentMethod } from '../orders/order.js';
import type { PaymentNotification } from './payment-provider.js';

function isPaymentMethod(value: string): value is PaymentMethod {
  return (paymentMethods as readonly string[]).includes(value);
}

/**
 * Applies a payment provider's notification (its webhook, received by the app): the provider of
 * `method` verifies it and says which order was paid or refunded; the payment moves as if the
 * vendor had marked it, with the provider's reference. A repeat of a notification already
 * applied (providers retry) answers the order unchanged. Null when the notification confirms
 * nothing. NotFoundError for a method without a provider, or an order that does not exist.
 */
export async function confirmPayment(context: CoreContext, method: string, notification: PaymentNotification): Promise<Order | null> {
  const provider = isPaymentMethod(method) ? context.payments.get(method) : undefined;
  if (!provider) throw new NotFoundError('No payment provider takes this method');
  const confirmation = await provider.confirm(notification);
  if (!confirmation) return null;
  const order = await getOrder(context, confirmation.storeId, confirmation.orderId);
  if (order.payment.method !== provider.method) {
    throw new ValidationFailedError('The notification names an order paid another way', [{ path: 'orderId', message: `Order #${order.number} is not paid by ${provider.method}` }]);
  }
  // Already there, or past it (a late repeat of "paid" for an order since refunded): nothing to do.
  const status = order.payment.status;
  if (status === confirmation.status || (status === 'refunded' && confirmation.status === 'paid')) return order;
  return applyPaymentChange(context, order, { to: confirmation.status, reference: confirmation.reference, fromProvider: true });
}
