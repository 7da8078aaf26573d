import { ValidationFailedError, type FieldError } from '../errors.js';
import { gstinState } from '../india/gstin.js';
import type { Store, StoreSettings } from '../vendors/vendor.js';

/** GST is India's: a GSTIN needs prices in rupees. */
const gstCurrency = 'INR';

/**
 * The store's tax and delivery settings as they would be after the patch, made whole: '' clears
 * the GSTIN and state, and a GSTIN given without a state fills the state in from its first two
 * digits. Refuses (400, each detail naming its field) a GSTIN in another currency, a state other
 * than the GSTIN's, and pickup without a pickup address. Call it in the transaction that changes
 * the settings, after locking the store, like assertPaymentSettings.
 */
export function checkoutSettingsPatch(before: Store, patch: Partial<StoreSettings>): Partial<StoreSettings> {
  const result: Partial<StoreSettings> = { ...patch };
  if (patch.gstin === '') result.gstin = null;
  if (patch.state === '') result.state = null;
  const after = { ...before, ...result };
  const details: FieldError[] = [];
  if (after.gstin) {
    const registered = gstinState(after.gstin);
    if (after.currency !== gstCurrency) {
      details.push({ path: patch.currency !== undefined ? 'currency' : 'gstin', message: `A GSTIN is for stores that sell in rupees: the store's currency must be ${gstCurrency}` });
    }
    if (registered && patch.gstin !== undefined && patch.state === undefined) {
      result.state = registered.name;
    } else if (registered && after.state !== registered.name) {
      details.push({ path: patch.state !== undefined ? 'state' : 'gstin', message: `The GSTIN is registered in ${registered.name}: the store's state must be ${registered.name}` });
    }
  }
  if (after.deliveryMethods.includes('pickup') && after.pickupAddress.trim() === '') {
    details.push(
      patch.pickupAddress !== undefined
        ? { path: 'pickupAddress', message: 'Pickup is offered: enter the address customers collect their orders from' }
        : { path: 'deliveryMethods', message: 'Enter a pickup address to offer pickup' },
    );
  }
  if (details.length > 0) throw new ValidationFailedError('These settings do not fit together', details);
  return result;
}
