import { NotServiceableError, ValidationFailedError, type FieldError } from '../errors.js';
import { normalizeIndianMobile } from '../india/mobile.js';
import { matchIndianState } from '../india/states.js';
import type { DeliveryMethod } from '../pricing/index.js';
import { storeServes } from '../stores/service-area.js';
import type { Store } from '../vendors/vendor.js';
import type { OrderCustomer } from './order.js';
import type { CustomerInput } from './schemas.js';

/** The currency whose stores take Indian addresses and mobile numbers. */
const indianCurrency = 'INR';

function present(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** The one-line address of the parts, for clients that read `address`. */
export function addressLine(parts: Array<string | null>): string {
  return parts.filter((part): part is string => part !== null).join(', ');
}

interface Checked {
  customer: OrderCustomer;
  /** Where the supply is taxed: the customer's state for delivery, the store's otherwise. */
  placeOfSupply: string | null;
}

function require(details: FieldError[], value: string | null, path: string, message: string): void {
  if (value === null) details.push({ path: `customer.${path}`, message });
}

/** Indian stores: a +91 mobile, and for delivery the address in parts (or the old one-line address). */
function indianCustomer(input: CustomerInput, store: Store, method: DeliveryMethod): Checked {
  const details: FieldError[] = [];
  const phone = normalizeIndianMobile(input.phone);
  if (phone === null) details.push({ path: 'customer.phone', message: 'Enter a 10-digit Indian mobile number, such as 98765 43210' });
  const house = present(input.house);
  const street = present(input.street);
  const landmark = present(input.landmark);
  const city = present(input.city);
  const stateText = present(input.state);
  const pincode = present(input.pincode);
  const legacy = present(input.address);
  const state = stateText === null ? null : matchIndianState(stateText);
  if (stateText !== null && state === null) {
    details.push({ path: 'customer.state', message: 'Choose a state or union territory of India, such as Karnataka or Delhi' });
  }
  const hasParts = [house, street, city, stateText].some((part) => part !== null);
  if (method === 'delivery') {
    if (hasParts || legacy === null) {
      require(details, house, 'house', 'Enter the house or flat number');
      require(details, street, 'street', 'Enter the street or area');
      require(details, city, 'city', 'Enter the city');
      require(details, stateText, 'state', 'Choose the state');
    }
    require(details, pincode, 'pincode', 'Enter the 6-digit PIN code');
  }
  if (details.length > 0) throw new ValidationFailedError('Check the delivery details', details);
  const line = hasParts ? addressLine([house, street, landmark, city, state]) : (legacy ?? '');
  return {
    customer: {
      name: input.name,
      phone: phone ?? input.phone,
      email: input.email || null,
      address: line,
      pincode: pincode ?? '',
      house,
      // An old client's one-line address is kept whole as the street: it cannot be split reliably.
      street: hasParts ? street : legacy,
      landmark,
      city,
      state,
    },
    placeOfSupply: method === 'delivery' && state !== null ? state : store.state,
  };
}

/** Other currencies: the free-form address and international phone numbers of before. */
function otherCustomer(input: CustomerInput, store: Store, method: DeliveryMethod): Checked {
  const address = present(input.address) ?? addressLine([present(input.house), present(input.street), present(input.landmark), present(input.city), present(input.state)]);
  const pincode = present(input.pincode);
  const details: FieldError[] = [];
  if (method === 'delivery') {
    if (address.length < 5) details.push({ path: 'customer.address', message: 'Enter the delivery address' });
    require(details, pincode, 'pincode', 'Enter the PIN code');
  }
  if (details.length > 0) throw new ValidationFailedError('Check the delivery details', details);
  return {
    customer: {
      name: input.name,
      phone: input.phone,
      email: input.email || null,
      address,
      pincode: pincode ?? '',
      house: present(input.house),
      street: present(input.street),
      landmark: present(input.landmark),
      city: present(input.city),
      state: present(input.state),
    },
    placeOfSupply: store.state,
  };
}

/**
 * The customer of a checkout under the store's rules: the delivery method must be one the store
 * offers (400), the address complete for delivery (400, each missing field named), and inside
 * the store's service area (409 NOT_SERVICEABLE).
 */
export function checkoutCustomer(input: CustomerInput, store: Store, method: DeliveryMethod): Checked {
  if (!store.deliveryMethods.includes(method)) {
    const offered = store.deliveryMethods.includes('pickup') ? 'pickup only' : 'delivery only';
    throw new ValidationFailedError(`${store.name} offers ${offered}`, [{ path: 'deliveryMethod', message: `${store.name} offers ${offered}` }]);
  }
  const checked = store.currency === indianCurrency ? indianCustomer(input, store, method) : otherCustomer(input, store, method);
  if (method === 'delivery' && !storeServes(store.serviceArea, checked.customer.pincode)) {
    throw new NotServiceableError(`${store.name} does not deliver to ${checked.customer.pincode} yet`, [
      { path: 'customer.pincode', message: `${store.name} does not deliver to ${checked.customer.pincode} yet${store.deliveryMethods.includes('pickup') ? ': choose pickup instead' : ''}` },
    ]);
  }
  return checked;
}
