import { ValidationFailedError } from '../errors.js';
import type { Order } from '../orders/order.js';
import { moneyInputValue } from '../pricing/format.js';
import type { Store } from '../vendors/vendor.js';
import type { PaymentProvider } from './payment-provider.js';

/**
 * The `upi://pay` link of an order (NPCI's UPI linking specification): any UPI app on a phone
 * opens it, and a QR code of it scans alike. `pa` the store's UPI ID, `pn` its name, `am` the
 * total in rupees with two decimals, `cu` INR, `tn` the note the vendor sees on the credit
 * ("Order #1001"), so they can tell which order was paid. Every value is percent-encoded
 * (the `@` of the UPI ID left as is, as apps expect it). TypeError for a store without a UPI ID.
 */
export function upiPayUri(store: Pick<Store, 'upiId' | 'name'>, order: Pick<Order, 'number' | 'total'>): string {
  if (!store.upiId) throw new TypeError('upiPayUri needs a store with a UPI ID');
  const params = [
    ['pa', store.upiId],
    ['pn', store.name],
    ['am', moneyInputValue(order.total, 'INR')],
    ['cu', 'INR'],
    ['tn', `Order #${order.number}`],
  ] as const;
  return `upi://pay?${params.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%40/g, '@')}`).join('&')}`;
}

/**
 * UPI straight to the store's UPI ID: the customer pays from any UPI app (the link, or its QR
 * code) and the vendor, seeing the credit in their bank app, marks the order paid with the
 * transaction id. No provider stands between, so there are no notifications to confirm, and a
 * refund is the vendor sending the money back by hand.
 */
export function manualUpi(): PaymentProvider {
  return {
    method: 'upi',
    name: 'manual-upi',
    start: (order, store) => ({ method: 'upi', uri: store.upiId ? upiPayUri(store, order) : null }),
    confirm: () =>
      Promise.reject(
        new ValidationFailedError('Manual UPI payments are confirmed by the vendor, not by notifications', [
          { path: 'method', message: 'No payment provider sends notifications for UPI here: mark the order paid instead' },
        ]),
      ),
    refund: () => Promise.resolve({ reference: null }),
  };
}
