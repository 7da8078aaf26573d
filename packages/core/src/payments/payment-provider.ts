import type { Order, PaymentMethod } from '../orders/order.js';
import type { Store } from '../vendors/vendor.js';

/** Where the customer goes to pay an order. */
export interface PaymentStart {
  method: PaymentMethod;
  /**
   * What the customer's page opens (a button) and shows as a QR code: a `upi://pay?…` link, or a
   * provider's https checkout page. Null when the order cannot be paid this way now (the store
   * has no UPI ID any more); the page then shows no way to pay.
   */
  uri: string | null;
}

/**
 * A provider's call to the app (its webhook), as the app's HTTP layer received it. The body is
 * the raw text: signatures are computed over the exact bytes, never over re-serialised JSON.
 */
export interface PaymentNotification {
  /** Header names lower-cased, as Node gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

/** What a verified notification says happened to one order's payment. */
export interface PaymentConfirmation {
  storeId: string;
  orderId: string;
  status: 'paid' | 'refunded';
  /** The provider's payment or refund id, kept as the payment's reference; null for none. */
  reference: string | null;
}

/** What a refund at the provider gave back. */
export interface PaymentRefund {
  /** The provider's refund id (kept as the payment's reference when the vendor gave none); null when the money goes back by hand. */
  reference: string | null;
}

/**
 * A way for customers to pay, plugged in through `createDukaan({ payments })`: core asks the
 * provider of an order's method how to start the payment (the customer's page), hands it the
 * notifications its webhook receives, and asks it to refund when the vendor marks a paid order
 * refunded. Core keeps the payment's state (pending, paid, refunded), its transitions and the
 * `order.payment_changed` events; a provider only talks to the outside. See docs/payments.md.
 */
export interface PaymentProvider {
  /** The method it takes: orders placed with this method are its own. One provider per method (the last given wins). */
  readonly method: PaymentMethod;
  /** Names it in errors and logs (`manual-upi`, `razorpay`). */
  readonly name: string;
  /** How the customer pays `order` (still pending) to `store`. Called on each view of the customer's page: no side effects, or idempotent ones. */
  start(order: Order, store: Store): PaymentStart | Promise<PaymentStart>;
  /**
   * Verifies a notification (its signature, with the provider's secret) and says what it
   * confirms; null for a notification that is about nothing core tracks (a test ping, another
   * event type). Throws for one that fails verification (core answers 400 and changes nothing).
   * Providers retry notifications: core applies each confirmation once and answers repeats alike.
   */
  confirm(notification: PaymentNotification): Promise<PaymentConfirmation | null>;
  /**
   * Gives the money of a paid order back, before core marks it refunded; throws when the
   * provider refused (nothing is marked). Core may call it twice for one order when two vendors
   * click at once: use the order id as the provider's idempotency key.
   */
  refund(order: Order, store: Store): Promise<PaymentRefund>;
}

/** The provider of each method, the last given winning. */
export function providersByMethod(providers: readonly PaymentProvider[]): ReadonlyMap<PaymentMethod, PaymentProvider> {
  return new Map(providers.map((provider) => [provider.method, provider]));
}
