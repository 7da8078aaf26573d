import type { CoreContext } from '../context.js';
import { validate } from '../shared/validate.js';
import { applyPaymentChange } from './apply-payment-change.js';
import { getOrder } from './get-order.js';
import type { Order } from './order.js';
import { paymentChangeSchema } from './schemas.js';

/**
 * The vendor marks an order's payment: `paid` (a pending payment, with the UPI transaction id or
 * receipt as `reference`), or `refunded` (a paid order that was cancelled, rejected or returned).
 * 409 INVALID_TRANSITION for any other move, and for the loser of two concurrent marks; 404 for
 * another store's order. A blank reference keeps the stored one.
 */
export async function changePayment(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Order> {
  const { status, reference } = validate(paymentChangeSchema, input);
  const order = await getOrder(context, storeId, id);
  return applyPaymentChange(context, order, { to: status, reference: reference ? reference : undefined });
}
