import { ValidationFailedError, type FieldError } from '../errors.js';
import type { Store, StoreSettings } from '../vendors/vendor.js';

/** The currency UPI moves: a store that takes UPI prices in rupees. */
export const upiCurrency = 'INR';

/**
 * Refuses settings that would leave the store offering UPI it cannot take: 'upi' among the
 * payment methods needs a UPI ID to pay to, and prices in rupees. Checked against the store as
 * it would be after the change (`before` with `patch` applied), so each of the three may change
 * alone or together; the detail names the field the request sent (or the UPI ID, when it sent
 * neither). Call it in the transaction that changes the settings, after locking the store.
 */
export function assertPaymentSettings(before: Store, patch: Partial<StoreSettings>): void {
  const after = { ...before, ...patch };
  if (!after.paymentMethods.includes('upi')) return;
  const details: FieldError[] = [];
  if (!after.upiId) {
    details.push(
      patch.upiId !== undefined
        ? { path: 'upiId', message: 'UPI payments are on: take UPI off the payment methods before removing the UPI ID' }
        : { path: 'upiId', message: "Enter the store's UPI ID to take UPI payments" },
    );
  }
  if (after.currency !== upiCurrency) {
    details.push({ path: patch.currency !== undefined ? 'currency' : 'paymentMethods', message: `UPI payments are in rupees: the store's currency must be ${upiCurrency}` });
  }
  if (details.length > 0) throw new ValidationFailedError('UPI payments need a UPI ID and prices in rupees', details);
}
