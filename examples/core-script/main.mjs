// The dukaan-kit core in a plain Node script: no HTTP, SQLite in a temporary directory
// (or DATABASE_URL), an in-memory cache. Run `npm run build` at the repo root first.
//
//   node examples/core-script/main.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDukaan } from '@dukaan-kit/core';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';

const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'dukaan-script-'));
const knex = createKnex(process.env.DATABASE_URL ?? `sqlite:${join(dir, 'shop.db')}`);
await migrateLatest(knex);
const dukaan = createDukaan({ persistence: objectionPersistence(knex), cache: keyvCache() });

try {
  // The vendor opens a store (prices are integer paise: 25000 = ₹250.00).
  const { store } = await dukaan.vendors.signUp({
    email: `priya+${Date.now()}@example.com`,
    password: 'correct horse battery',
    storeName: "Priya's Kitchen",
    phone: '98765 43210',
  });
  await dukaan.stores.update(store.id, { deliveryFee: 4000, freeDeliveryAbove: 100000 });
  const thali = await dukaan.catalog.createProduct(store.id, { name: 'Veg thali', price: 25000, stock: 20 });
  const lassi = await dukaan.catalog.createProduct(store.id, { name: 'Mango lassi', price: 9000, compareAtPrice: 12000 });

  // A customer orders through the store link (the slug), cash on delivery.
  const { order } = await dukaan.orders.place(
    store.slug,
    {
      customer: { name: 'Asha', phone: '+91 91234 56789', address: '12 Park Street, Kolkata', pincode: '700016' },
      items: [
        { productId: thali.id, quantity: 2 },
        { productId: lassi.id, quantity: 1 },
      ],
      paymentMethod: 'cod',
    },
    { idempotencyKey: 'checkout-1' },
  );

  // The vendor works the order.
  await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
  const shipped = await dukaan.orders.changeStatus(store.id, order.id, { status: 'shipped' });
  const { view } = await dukaan.storefront.view(store.slug);

  console.log(`store: ${store.name} (/${store.slug})`);
  console.log(`order #${shipped.number}: ${shipped.status}`);
  for (const line of shipped.items) console.log(`  ${line.quantity} x ${line.name} @ ${line.unitPrice} = ${line.lineTotal}`);
  console.log(`subtotal ${shipped.subtotal}, delivery ${shipped.deliveryFee}, total ${shipped.total} ${shipped.currency}`);
  console.log(`history: ${shipped.history.map((change) => change.status).join(' -> ')}`);
  console.log(`thali left: ${view.products.find((product) => product.id === thali.id)?.stock}`);
} finally {
  await dukaan.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
