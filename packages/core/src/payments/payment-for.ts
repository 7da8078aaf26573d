import type { CoreContext } from '../context.js';
import { getOrderByToken } from '../orders/get-order-by-token.js';
import type { PaymentStatus } from '../orders/order.js';
import { refundableStatuses } from '../orders/payment-machine.js';
import { getStore } from '../stores/get-store.js';

/**
 * How the customer's order page shows the payment. For UPI, `uri` is the link to pay (a button,
 * and a QR code of it) while the customer should pay: the payment is pending, the order was not
 * rejected, cancelled or returned, and the store can still take it; null otherwise.
 */
export type PaymentView =
  | { method: 'upi'; status: PaymentStatus; uri: string | null; upiId: string | null; payee: string; amount: number; currency: string }
  | { method: 'cod'; status: PaymentStatus };

/** The payment of the order behind a customer's tracking link; NotFoundError for an unknown store or token. */
export async function paymentFor(context: CoreContext, slug: string, token: string): Promise<PaymentView> {
  const order = await getOrderByToken(context, slug, token);
  const { status } = order.payment;
  if (order.payment.method === 'cod') return { method: 'cod', status };
  const store = await getStore(context, order.storeId);
  const payable = status === 'pending' && !refundableStatuses.includes(order.status);
  const provider = context.payments.get('upi');
  const uri = payable && provider ? (await provider.start(order, store)).uri : null;
  return { method: 'upi', status, uri, upiId: store.upiId, payee: store.name, amount: order.total, currency: order.currency };
}
