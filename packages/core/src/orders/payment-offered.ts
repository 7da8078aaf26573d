import { ValidationFailedError } from '../errors.js';
import type { Store } from '../vendors/vendor.js';
import type { PaymentMethod } from './order.js';

/**
 * Refuses a payment method the store does not offer (400, detail path `paymentMethod`): a
 * customer's page may be older than the vendor's settings, and an API client may send anything.
 * UPI also needs the store's UPI ID, which the settings keep with it; checked here all the same,
 * so an order is never left with nobody to pay.
 */
export function assertPaymentOffered(store: Store, method: PaymentMethod): void {
  const offered = store.paymentMethods.includes(method) && (method !== 'upi' || store.upiId !== null);
  if (offered) return;
  const message = method === 'cod' ? 'This store does not take cash on delivery' : 'This store does not take UPI payments';
  throw new ValidationFailedError(message, [{ path: 'paymentMethod', message: `${message}; choose another way to pay` }]);
}
