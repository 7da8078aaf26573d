import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';
import { customerText, orderLinesText, orderTotalsText, paymentText } from './order-text.js';

/**
 * To the vendor for each new order: everything needed to decide on it without signing in, and
 * the link to its page in the dashboard. The subject stays free of the customer's name, so a
 * lock-screen preview shows the number and the amount only. `accepted` when the store took the
 * order at once (it accepts orders automatically).
 */
export function newOrderMail({ to, storeName, order, accepted, orderLink }: { to: string; storeName: string; order: Order; accepted: boolean; orderLink: string }): MailMessage {
  const total = formatMoney(order.total, order.currency);
  return composeMail('new-order', to, `New order #${order.number} · ${total}`, {
    before: [
      `${storeName} has a new order, #${order.number}, for ${total}.`,
      orderLinesText(order),
      orderTotalsText(order),
      `Payment: ${paymentText(order.payment.method)}`,
      `Deliver to:\n${customerText(order.customer)}`,
      ...(order.note ? [`Note from the customer: ${order.note}`] : []),
    ],
    // A store that accepts orders automatically has nothing to decide: the order is accepted already.
    action: {
      intro: !accepted ? 'Open the order to accept or reject it:' : 'The store accepted it automatically. Open the order to ship it:',
      label: `Open order #${order.number}`,
      url: orderLink,
    },
    footer: 'You get this email for every new order. You can turn it off in your store settings.',
  });
}
