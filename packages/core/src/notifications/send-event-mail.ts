import type { CoreContext } from '../context.js';
import { MailSendError } from '../mail/mail-send-error.js';
import type { MailMessage } from '../mail/mailer.js';
import { newOrderMail } from '../mail/messages/new-order.js';
import { orderConfirmationMail } from '../mail/messages/order-confirmation.js';
import { isMailedStatus, orderStatusMail } from '../mail/messages/order-status.js';
import type { Order } from '../orders/order.js';
import type { OutboxEvent } from '../outbox/outbox-event.js';
import type { Store } from '../vendors/vendor.js';

/** Who an order mail goes to: the store's vendor, or the customer who placed the order. */
export type MailAudience = 'vendor' | 'customer';

/** The part of the context order mail needs (a whole CoreContext fits). */
export type EventMailContext = Pick<CoreContext, 'persistence' | 'mailer' | 'publicUrl'>;

/**
 * The status and reason the event announced, from its frozen payload: a quick accepted → shipped
 * must send two mails, each saying its own status, whatever the order says by the time they go.
 */
function announced(event: OutboxEvent, order: Order): { status: string; reason: string | null } {
  const snapshot = event.data['order'];
  if (typeof snapshot === 'object' && snapshot !== null) {
    const { status, statusReason } = snapshot as Record<string, unknown>;
    if (typeof status === 'string') return { status, reason: typeof statusReason === 'string' && statusReason !== '' ? statusReason : null };
  }
  const last = order.history[order.history.length - 1];
  return { status: order.status, reason: last?.status === order.status ? last.reason : null };
}

function link(base: string, ...segments: string[]): string {
  return `${base}/${segments.map(encodeURIComponent).join('/')}`;
}

/** The vendor's new-order mail, or null when none is due (another event, the setting off, the account gone). */
async function vendorMail(context: EventMailContext, base: string, event: OutboxEvent, store: Store, order: Order): Promise<MailMessage | null> {
  if (event.type !== 'order.placed' || !store.newOrderEmails) return null;
  const vendor = await context.persistence.vendors.findById(store.vendorId);
  if (!vendor) return null;
  const accepted = announced(event, order).status === 'accepted';
  const message = newOrderMail({ to: vendor.email, storeName: store.name, order, accepted, orderLink: link(base, 'dashboard', 'orders', order.id) });
  // Tagged with the account, so closing it erases every copy a mailer keeps.
  return { ...message, accountId: vendor.id };
}

/** The customer's confirmation or status mail, or null when none is due (no email, another event, a status not mailed). */
function customerMail(base: string, event: OutboxEvent, store: Store, order: Order): MailMessage | null {
  const to = order.customer.email;
  if (!to) return null;
  const trackingLink = link(base, store.slug, 'orders', order.token);
  const common = { to, storeName: store.name, storePhone: store.phone, trackingLink };
  let message: MailMessage;
  if (event.type === 'order.placed') {
    message = orderConfirmationMail({ ...common, order, accepted: announced(event, order).status === 'accepted' });
  } else if (event.type === 'order.status_changed') {
    const { status, reason } = announced(event, order);
    if (!isMailedStatus(status)) return null;
    message = orderStatusMail({ ...common, number: order.number, status, reason });
  } else {
    return null;
  }
  // About the store's customer: closing the vendor's account erases the mailer's copies too.
  return { ...message, accountId: store.vendorId };
}

/**
 * Sends the mail an order event owes `audience`, for the outbox dispatcher (one delivery per
 * event and audience). Resolves when it was sent, or when none is due: the vendor hears of
 * `order.placed` only, while the store's `newOrderEmails` is on; the customer gets a
 * confirmation for `order.placed` and a mail for each `order.status_changed`, only when the
 * order has an email. The order is read fresh, so a customer erased since the event (or a
 * store closed) gets nothing, even from deliveries already queued. Rejects with MailSendError
 * when the mailer failed, so the dispatcher retries; the error names no address.
 */
export async function sendEventMail(context: EventMailContext, event: OutboxEvent, audience: MailAudience): Promise<void> {
  const mailer = context.mailer;
  const base = context.publicUrl;
  if (!mailer || !base || event.orderId === null) return;
  if (event.type !== 'order.placed' && event.type !== 'order.status_changed') return;
  const store = await context.persistence.stores.findById(event.storeId);
  if (!store) return;
  const order = await context.persistence.orders.findById(event.storeId, event.orderId);
  if (!order || order.customerErasedAt !== null) return;
  const message = audience === 'vendor' ? await vendorMail(context, base, event, store, order) : customerMail(base, event, store, order);
  if (!message) return;
  try {
    await mailer.send(message);
  } catch (error) {
    throw new MailSendError(message.kind, 1, error);
  }
}
