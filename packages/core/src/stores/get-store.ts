import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../vendors/vendor.js';

/** The vendor's store with every setting; NotFoundError when it is gone. */
export async function getStore(context: CoreContext, storeId: string): Promise<Store> {
  const store = await context.persistence.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  return store;
}
