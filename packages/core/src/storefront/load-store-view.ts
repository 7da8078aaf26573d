import { toPublicProduct } from '../catalog/product-view.js';
import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../vendors/vendor.js';
import { readStorefront } from './replica-reads.js';
import type { PublicStore, StoreView } from './store-view.js';

function toPublicStore(store: Store): PublicStore {
  const { id, name, slug, description, phone, pickupAddress, logoUrl, currency, deliveryFee, freeDeliveryAbove, minOrderValue, isOpen, paymentMethods } = store;
  const { gstin, state, pricesIncludeTax, defaultTaxRate, packagingFee, codFee, deliveryMethods, locale } = store;
  return {
    ...{ id, name, slug, description, phone, pickupAddress, logoUrl, currency, deliveryFee, freeDeliveryAbove, minOrderValue, isOpen, paymentMethods },
    ...{ gstin, state, pricesIncludeTax, defaultTaxRate, packagingFee, codFee, deliveryMethods, locale },
  };
}

/**
 * Reads the public view from the database (three queries), bypassing the cache: getStoreView's
 * loader. With `changedAt` (the store cache's) it may read a replica that has the store's last change.
 */
export async function loadStoreView(context: CoreContext, storeId: string, changedAt?: () => Promise<number>): Promise<StoreView> {
  const [store, categories, products] = await readStorefront(context, changedAt, (reads) =>
    Promise.all([reads.stores.findById(storeId), reads.categories.list(storeId), reads.products.listActive(storeId)]),
  );
  if (!store) throw new NotFoundError('No store at this link');
  return {
    store: toPublicStore(store),
    categories: categories.map(({ id, name, position }) => ({ id, name, position })),
    products: products.map((product) => toPublicProduct(product, store.currency)),
  };
}
