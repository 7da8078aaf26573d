import type { CoreContext } from '../context.js';
import { MailSendError } from '../mail/mail-send-error.js';
import type { MailMessage } from '../mail/mailer.js';
import { newOrderMail } from '../mail/messages/new-order.js';
import { orderConfirmationMail } from '../mail/messages/order-confirmation.js';
import { isMailedStatus, orderStatusMail } from '../mail/messages/order-status.js';
import type { Order } from '../orders/order.js';
import type { OutboxEvent } from '../outbox/outbox-event.js';
import type { Store, VendorRecord } from '../vendors/vendor.js';
import { RateLimitedError } from '../errors.js';
import { emailKey } from '../shared/email-key.js';
import { countAttempt } from '../shared/throttle.js';

/** Who an order mail goes to: the store's vendor, or the customer who placed the order. */
export type MailAudience = 'vendor' | 'customer';

/**
 * The part of the context order mail needs (a whole CoreContext fits). `counters` holds the
 * per-address limit on customer mail; the dispatcher is given the whole context, so it is there.
 * Without it (a caller that narrowed the context) customer mail is not limited.
 */
export type EventMailContext = Pick<CoreContext, 'persistence' | 'mailer' | 'publicUrl'> & Partial<Pick<CoreContext, 'counters'>>;

/**
 * Order mails one customer address may get per hour, across every store. Anyone can open a store
 * and place orders with someone else's address: this keeps the platform from being a relay that
 * mails that address on demand. Fixed, like the account mail limits (accounts/hourly-limits.ts).
 */
export const customerMailsPerAddress = 5;
const hourMs = 3600_000;

/** The counter of customer order mail to `email`: a hash of the address (shared/email-key.ts), never the address. */
function customerMailKey(email: string): string {
  return `order-mail:email:${emailKey(email.trim().toLowerCase())}`;
}

/**
 * Counts one customer mail to `email`; resolves false past the hourly limit (nothing may go).
 * The counters fail open when the cache is down, as every limit does.
 */
async function countCustomerMail(context: EventMailContext, email: string): Promise<boolean> {
  if (!context.counters) return true;
  try {
    await countAttempt(context.counters, customerMailKey(email), customerMailsPerAddress, hourMs);
    return true;
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
}

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

/**
 * How order mail reads its order, store and vendor. The dispatcher shares one per batch of
 * deliveries (batchMailReads): a burst of orders at one store then reads the batch's orders in
 * one statement and the store and its vendor once, instead of three reads per mail, which were
 * most of the dispatcher's statements under a checkout load.
 */
export interface MailReads {
  order(storeId: string, id: string): Promise<Order | null>;
  store(id: string): Promise<Store | null>;
  vendor(id: string): Promise<VendorRecord | null>;
}

/** Every read goes to the database (a mail sent on its own). */
function directReads(context: EventMailContext): MailReads {
  return {
    order: (storeId, id) => context.persistence.orders.findById(storeId, id),
    store: (id) => context.persistence.stores.findById(id),
    vendor: (id) => context.persistence.vendors.findById(id),
  };
}

/** Runs `read` once per key; a failed read is not kept, so the next caller tries again. */
function memoized<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const memo = new Map<string, Promise<T>>();
  return (key) => {
    let found = memo.get(key);
    if (!found) {
      found = read(key);
      memo.set(key, found);
      found.catch(() => memo.delete(key));
    }
    return found;
  };
}

/**
 * Reads for one batch of deliveries: the orders `wanted` names are read together, per store, on
 * the first mail that needs one; each store and vendor at most once. A batch is claimed and sent
 * within moments of these reads, as a mail read its order just before sending did: an order
 * erased before the batch gets nothing, and a setting changed meanwhile (new-order mail turned
 * off) holds from the next batch. An order not in `wanted` is read on its own.
 */
export function batchMailReads(context: Pick<EventMailContext, 'persistence'>, wanted: ReadonlyArray<{ storeId: string; orderId: string }> = []): MailReads {
  const { persistence } = context;
  const idsByStore = new Map<string, string[]>();
  for (const { storeId, orderId } of wanted) idsByStore.set(storeId, [...(idsByStore.get(storeId) ?? []), orderId]);
  const ordersOf = memoized(async (storeId) => new Map((await persistence.orders.findByIds(storeId, idsByStore.get(storeId) ?? [])).map((o) => [o.id, o])));
  return {
    order: async (storeId, id) => (idsByStore.get(storeId)?.includes(id) ? ((await ordersOf(storeId)).get(id) ?? null) : persistence.orders.findById(storeId, id)),
    store: memoized((id) => persistence.stores.findById(id)),
    vendor: memoized((id) => persistence.vendors.findById(id)),
  };
}

/** The vendor's new-order mail, or null when none is due (another event, the setting off, the account gone). */
async function vendorMail(reads: MailReads, base: string, event: OutboxEvent, store: Store, order: Order): Promise<MailMessage | null> {
  if (event.type !== 'order.placed' || !store.newOrderEmails) return null;
  const vendor = await reads.vendor(store.vendorId);
  if (!vendor) return null;
  const accepted = announced(event, order).status === 'accepted';
  const message = newOrderMail({ to: vendor.email, storeName: store.name, order, accepted, orderLink: link(base, 'dashboard', 'orders', order.id), locale: vendor.locale });
  // Tagged with the account, so closing it erases every copy a mailer keeps.
  return { ...message, accountId: vendor.id };
}

/** The customer's confirmation or status mail, or null when none is due (no email, another event, a status not mailed). */
function customerMail(base: string, event: OutboxEvent, store: Store, order: Order): MailMessage | null {
  const to = order.customer.email;
  if (!to) return null;
  const trackingLink = link(base, store.slug, 'orders', order.token);
  // In the store's language for its customers: the one its pages greet them in.
  const common = { to, storeName: store.name, storePhone: store.phone, trackingLink, locale: store.locale };
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
 * order has an email, and at most `customerMailsPerAddress` an hour to one address (more resolve
 * unsent). The order is read fresh, so a customer erased since the event (or a
 * store closed) gets nothing, even from deliveries already queued. Rejects with MailSendError
 * when the mailer failed, so the dispatcher retries; the error names no address. `reads` (default:
 * straight to the database) may share the order, store and vendor reads of a batch (batchMailReads).
 */
export async function sendEventMail(context: EventMailContext, event: OutboxEvent, audience: MailAudience, reads: MailReads = directReads(context)): Promise<void> {
  const mailer = context.mailer;
  const base = context.publicUrl;
  if (!mailer || !base || event.orderId === null) return;
  if (event.type !== 'order.placed' && event.type !== 'order.status_changed') return;
  const store = await reads.store(event.storeId);
  if (!store) return;
  const order = await reads.order(event.storeId, event.orderId);
  if (!order || order.customerErasedAt !== null) return;
  const message = audience === 'vendor' ? await vendorMail(reads, base, event, store, order) : customerMail(base, event, store, order);
  if (!message) return;
  // Past the customer address's hourly limit the mail is dropped: resolved (the delivery is done,
  // not retried), with nothing reported that could name the address.
  const counted = audience === 'customer' && order.customer.email ? order.customer.email : null;
  if (counted !== null && !(await countCustomerMail(context, counted))) return;
  try {
    await mailer.send(message);
  } catch (error) {
    // Not sent: the retry may use the slot again.
    if (counted !== null && context.counters) await context.counters.decrement(customerMailKey(counted)).catch(() => {});
    throw new MailSendError(message.kind, 1, error);
  }
}
