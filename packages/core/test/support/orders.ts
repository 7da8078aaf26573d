import type { Dukaan } from '../../src/index.js';

let counter = 0;

/** A vendor with an open store, ready for products. */
export async function openStore(dukaan: Dukaan, settings: Record<string, unknown> = {}) {
  counter += 1;
  const { store, vendor } = await dukaan.vendors.signUp({
    email: `vendor${counter}-${process.pid}@example.com`,
    password: 'correct horse battery',
    storeName: `Test Store ${counter}`,
    slug: `store-${counter}-${process.pid}`,
  });
  const updated = Object.keys(settings).length > 0 ? await dukaan.stores.update(store.id, settings) : store;
  return { store: updated, vendor };
}

export const customer = {
  name: 'Asha Rao',
  phone: '9876543210',
  address: '12 MG Road, Bengaluru',
  pincode: '560001',
};

/** A valid order body for these lines. */
export function orderFor(items: Array<{ productId: string; variantId?: string; quantity: number }>) {
  return { customer, items, paymentMethod: 'cod' as const };
}
