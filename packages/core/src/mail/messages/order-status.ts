import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { OrderStatus } from '../../orders/order.js';
import { customerFooter, storeContact } from './order-confirmation.js';

/** The statuses a customer hears about (pending is the confirmation's). */
export type MailedStatus = Exclude<OrderStatus, 'pending'>;

const wording: Record<MailedStatus, { subject: (n: number) => string; says: (store: string, n: number) => string }> = {
  accepted: { subject: (n) => `Your order #${n} is accepted`, says: (store, n) => `${store} accepted your order #${n} and is getting it ready.` },
  shipped: { subject: (n) => `Your order #${n} is on its way`, says: (store, n) => `${store} sent your order #${n}. It is on its way to you.` },
  delivered: { subject: (n) => `Your order #${n} is delivered`, says: (store, n) => `Your order #${n} from ${store} is delivered. Thank you for shopping with them.` },
  rejected: { subject: (n) => `Your order #${n} could not be taken`, says: (store, n) => `Sorry: ${store} could not take your order #${n}.` },
  cancelled: { subject: (n) => `Your order #${n} is cancelled`, says: (store, n) => `Your order #${n} at ${store} is cancelled.` },
  returned: { subject: (n) => `Your order #${n} went back to the store`, says: (store, n) => `Your order #${n} went back to ${store} and will not be delivered.` },
};

export function isMailedStatus(status: string): status is MailedStatus {
  return Object.hasOwn(wording, status);
}

/** To the customer on each status change; a reject, cancel or return says why when the vendor wrote a reason. */
export function orderStatusMail({
  to,
  storeName,
  storePhone,
  number,
  status,
  reason,
  trackingLink,
}: {
  to: string;
  storeName: string;
  storePhone: string | null;
  number: number;
  status: MailedStatus;
  reason: string | null;
  trackingLink: string;
}): MailMessage {
  const words = wording[status];
  return composeMail('order-status', to, `${words.subject(number)} · ${storeName}`, {
    before: [words.says(storeName, number), ...(reason ? [`The store's reason: ${reason}`] : [])],
    action: { intro: 'See your order:', label: 'Track your order', url: trackingLink },
    after: storeContact(storeName, storePhone),
    footer: customerFooter(storeName),
  });
}
