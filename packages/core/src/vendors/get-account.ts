import type { CoreContext } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import type { Store, Vendor, VendorPrincipal } from './vendor.js';

/** The signed-in vendor (without the signup date) and their store. */
export interface Account {
  vendor: Pick<Vendor, 'id' | 'email' | 'locale'>;
  store: Store;
}

/** The signed-in vendor and their store, for pages and `GET /me`; UnauthenticatedError when either is gone. */
export async function getAccount(context: CoreContext, principal: VendorPrincipal): Promise<Account> {
  const [vendor, store] = await Promise.all([
    context.persistence.vendors.findById(principal.vendorId),
    context.persistence.stores.findById(principal.storeId),
  ]);
  if (!vendor || !store || store.vendorId !== vendor.id) throw new UnauthenticatedError('This account no longer exists');
  return { vendor: { id: vendor.id, email: vendor.email, locale: vendor.locale }, store };
}
