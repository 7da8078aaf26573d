import Joi from 'joi';
import type { CoreContext } from '../context.js';
import { pincodeField } from '../orders/schemas.js';
import { validate } from '../shared/validate.js';
import { resolveStoreSlug } from '../storefront/resolve-store-slug.js';
import { storeServes } from './service-area.js';

export interface PincodeCheck {
  pincode: string;
  serviceable: boolean;
  /** A sentence for the customer. */
  message: string;
}

const pincodeQuery = Joi.object<{ pincode: string }>({ pincode: pincodeField.required() });

/**
 * Whether the store delivers to a pincode, for the store page's check before the cart is
 * filled; 400 for a malformed pincode. Pickup is mentioned when the store offers it.
 */
export async function checkPincode(context: CoreContext, slug: string, pincode: unknown): Promise<PincodeCheck> {
  const value = validate(pincodeQuery, { pincode }).pincode;
  const { storeId } = await resolveStoreSlug(context, slug);
  const store = await context.persistence.stores.findById(storeId);
  if (!store) return { pincode: value, serviceable: false, message: 'This store is not taking orders' };
  const delivers = store.deliveryMethods.includes('delivery');
  const serviceable = delivers && storeServes(store.serviceArea, value);
  const pickup = store.deliveryMethods.includes('pickup');
  const message = serviceable
    ? `${store.name} delivers to ${value}`
    : `${store.name} does not deliver to ${value}${pickup ? ', but you can pick up your order from the store' : ''}`;
  return { pincode: value, serviceable, message };
}
