import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';
import { orderLinesText, orderTotalsText, paymentText } from './order-text.js';

/** What closes every mail to a customer: why it came, since they have no account with us. */
export function customerFooter(storeName: string): string {
  return `You get this email because you gave this address with an order at ${storeName}.`;
}

/** A question about the order goes to the store, not to a no-reply address. */
export function storeContact(storeName: string, storePhone: string | null): string[] {
  return storePhone ? [`Questions about your order? Call ${storeName} at ${storePhone}.`] : [];
}

/**
 * To the customer once the order is placed: what they bought, how they pay, and the tracking
 * link. `accepted` when the store took it at once (it accepts orders automatically). Nothing the
 * orderer typed (name, address, phone, note) is in it: whoever placed the order chose the
 * address it goes to, so their text would reach anyone's mailbox from our domain. The tracking
 * page shows those details.
 */
export function orderConfirmationMail({
  to,
  storeName,
  storePhone,
  order,
  accepted,
  trackingLink,
}: {
  to: string;
  storeName: string;
  storePhone: string | null;
  order: Order;
  accepted: boolean;
  trackingLink: string;
}): MailMessage {
  const total = formatMoney(order.total, order.currency);
  const payment =
    order.payment.method === 'cod'
      ? `Payment: cash on delivery. Please keep ${total} ready.`
      : `Payment: ${paymentText(order.payment.method)}. The order page shows how to pay ${total}.`;
  return composeMail('order-confirmation', to, `Your order #${order.number} at ${storeName}`, {
    before: [
      `Thank you for your order at ${storeName}. Its number is #${order.number}; ${accepted ? 'the store has accepted it' : 'the store will confirm it soon'}.`,
      orderLinesText(order),
      orderTotalsText(order),
      payment,
      'The delivery details are on your order page.',
    ],
    action: { intro: 'Follow your order here:', label: 'Track your order', url: trackingLink },
    after: storeContact(storeName, storePhone),
    footer: customerFooter(storeName),
  });
}
