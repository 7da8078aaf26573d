// Migration 010 on a database with products and orders from before variants: every product
// becomes a product without options whose default variant (with the product's id) holds its
// price, MRP, stock and SKU; slugs are made from the names, unique per store; old order lines
// name the default variant. Down gives products their columns back from the first variant.
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { migrateDownThrough, onBothDatabases } from './support/migrations.js';

async function migrationTests(t: Test, knex: Knex): Promise<void> {
  const before010 = {
    ...migrationSource,
    getMigrations: async (extensions: readonly string[]) => (await migrationSource.getMigrations(extensions)).filter((m) => m.name < '010'),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: before010 });
  const created = '2026-01-01T00:00:00.000Z';
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: created });
  await knex('stores').insert({ id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', created_at: created, updated_at: created });
  const product = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    id, store_id: 's1', name, price: 4900, compare_at_price: null, stock: 5, sku: null, active: true, created_at: created, updated_at: created, ...extra,
  });
  await knex('products').insert([
    product('p1', 'Masala Chai', { sku: 'CHAI-1', compare_at_price: 5900 }),
    product('p2', 'Masala  Chai!', { stock: null }),
    product('p3', 'चाय', { active: false }),
  ]);
  await knex('orders').insert({
    id: 'o1', store_id: 's1', number: 1001, token: 't-o1', status: 'pending', customer_name: 'A', customer_phone: '+919811111111',
    customer_address: 'x', customer_pincode: '700016', subtotal: 9800, delivery_fee: 0, total: 9800, currency: 'INR',
    payment_method: 'cod', created_at: created, updated_at: created,
  });
  await knex('order_items').insert({ order_id: 'o1', position: 0, product_id: 'p1', name: 'Masala Chai', unit_price: 4900, quantity: 2, line_total: 9800 });
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  const chai = await p.products.findById('s1', 'p1');
  t.match(chai, { slug: 'masala-chai', options: [], price: 4900, compareAtPrice: 5900, stock: 5, sku: 'CHAI-1' });
  t.same(chai?.variants, [{ id: 'p1', options: {}, price: 4900, compareAtPrice: 5900, stock: 5, sku: 'CHAI-1', active: true, imageKey: null, position: 0 }]);
  t.match(await p.products.findById('s1', 'p2'), { slug: 'masala-chai-2', stock: null }, 'the second of one name gets a number');
  t.match(await p.products.findById('s1', 'p3'), { slug: 'चाय', active: false });
  t.same(await p.products.findSlug('s1', 'masala-chai'), { productId: 'p1', current: true });
  t.match((await p.orders.findById('s1', 'o1'))?.items, [{ productId: 'p1', variantId: 'p1', options: {}, sku: null, quantity: 2 }], 'old lines name the default variant');
  t.same(await p.products.takeStock('s1', [{ variantId: 'p1', quantity: 5 }]), [], 'stock moved with it');
  await migrateDownThrough(knex, '010-variants');
  t.notOk(await knex.schema.hasTable('product_variants'), 'down drops the variants');
  t.notOk(await knex.schema.hasTable('product_slugs'));
  t.notOk(await knex.schema.hasColumn('products', 'slug'));
  t.notOk(await knex.schema.hasColumn('order_items', 'variant_id'));
  const row = (await knex('products').where('id', 'p1').first()) as Record<string, unknown>;
  t.match({ price: Number(row.price), compare: Number(row.compare_at_price), stock: row.stock, sku: row.sku }, { price: 4900, compare: 5900, stock: 0, sku: 'CHAI-1' }, 'and gives the columns back');
  await migrateLatest(knex);
  t.match(await p.products.findById('s1', 'p1'), { slug: 'masala-chai', stock: 0, sku: 'CHAI-1' }, 'and up again');
}

onBothDatabases('010 upgrades an older database', 'var', migrationTests);
