import type { Dukaan } from '@dukaan-kit/core';

const products = [
  ['Masala Chai 250 g', 24900, 29900, 'Tea'],
  ['Darjeeling First Flush 100 g', 54900, null, 'Tea'],
  ['Assam CTC 500 g', 29900, 34900, 'Tea'],
  ['Brass Tea Strainer', 19900, null, 'Accessories'],
  ['Kulhad Set of 6', 39900, 49900, 'Accessories'],
  ['Cardamom 50 g', 14900, null, 'Spices'],
  ['Ginger Biscuits', 9900, 12000, 'Snacks'],
  ['Khari Puff 200 g', 7900, null, 'Snacks'],
] as const;

/** Seeds (once) a demo store with categories and products, so a newcomer sees a full shop. */
export async function seedDemoStore(dukaan: Dukaan) {
  const email = 'demo@dukaan-kit.local';
  const password = 'demo-password';
  const slug = 'demo-chai';
  try {
    await dukaan.vendors.logIn({ email, password });
    return { slug, email, password };
  } catch {
    // Not seeded yet.
  }
  const { store } = await dukaan.vendors.signUp({ email, password, storeName: 'Demo Chai Co.', slug, phone: '9876543210' });
  await dukaan.stores.update(store.id, {
    description: 'Small-batch teas and snacks, delivered across Bengaluru.',
    deliveryFee: 4000,
    freeDeliveryAbove: 99900,
    pickupAddress: '12 MG Road, Bengaluru 560001',
  });
  const categories = new Map<string, string>();
  for (const name of new Set(products.map((p) => p[3]))) {
    categories.set(name, (await dukaan.catalog.createCategory(store.id, { name })).id);
  }
  for (const [index, [name, price, compareAtPrice, category]] of products.entries()) {
    await dukaan.catalog.createProduct(store.id, {
      name,
      price,
      compareAtPrice,
      stock: index % 3 === 0 ? 25 : null,
      categoryId: categories.get(category) ?? null,
      description: `${name}, packed fresh.`,
    });
  }
  return { slug, email, password };
}
