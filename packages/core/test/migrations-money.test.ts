import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { at } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const dir = mkdtempSync(join(tmpdir(), 'dukaan-migrations-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Brings a database to 003, the last schema with int4 money, as a deployed app has it. */
async function migrateTo003(knex: Knex): Promise<void> {
  const upTo003: Knex.MigrationSource<unknown> = {
    ...migrationSource,
    getMigrations: async (loadExtensions) => (await migrationSource.getMigrations(loadExtensions)).slice(0, 3),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: upTo003 });
}

const store = { id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', delivery_fee: 4000, free_delivery_above: 50_000, min_order_value: 100 };

/** A store with an earlier slug and an order, written on the 003 schema. */
async function seed003(knex: Knex): Promise<string> {
  const updatedAt = at(-1000);
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: at() });
  await knex('stores').insert({ ...store, created_at: at(-5000), updated_at: updatedAt });
  await knex('store_slugs').insert([{ slug: 'chai-then', store_id: 's1' }, { slug: 'chai-now', store_id: 's1' }]);
  await knex('orders').insert({
    id: 'o1', store_id: 's1', number: 1001, token: 't1', status: 'pending', customer_name: 'A', customer_phone: '+91',
    customer_address: 'x', customer_pincode: '1', subtotal: 9800, delivery_fee: 4000, total: 13800, currency: 'INR',
    payment_method: 'cod', idempotency_key: 'k1', created_at: at(), updated_at: at(),
  });
  return updatedAt;
}

/** 004 on a database holding 003 data: amounts kept, earlier slugs dated, new columns usable. */
async function upgradeTests(t: Test, knex: Knex): Promise<void> {
  await migrateTo003(knex);
  const updatedAt = await seed003(knex);
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  t.match(await p.stores.findById('s1'), { deliveryFee: 4000, freeDeliveryAbove: 50_000, minOrderValue: 100, slug: 'chai-now' });
  t.match(await p.orders.findByIdempotencyKey('s1', 'k1'), { subtotal: 9800, total: 13800, idempotencyFingerprint: null });
  const slugs = (await knex('store_slugs').orderBy('slug').select('slug', 'retired_at')) as unknown[];
  t.same(slugs, [{ slug: 'chai-now', retired_at: null }, { slug: 'chai-then', retired_at: updatedAt }], 'earlier slugs retired at the last change');
  t.same(await p.stores.resolveSlug('chai-then'), { storeId: 's1', currentSlug: 'chai-now' }, 'and still redirect');
  const big = Number.MAX_SAFE_INTEGER;
  t.equal((await p.stores.update('s1', { deliveryFee: big }, at()))?.deliveryFee, big, 'money past 2^31 after the upgrade');
}

t.test('SQLite: 004 upgrades a 003 database', async (t) => {
  const knex = createKnex(`sqlite:${join(dir, 'upgrade.db')}`);
  t.teardown(() => knex.destroy());
  await upgradeTests(t, knex);
});

const { postgresUrl } = testServices();
t.test('PostgreSQL: 004 upgrades a 003 database to bigint money', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('up');
  const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 2 });
  t.teardown(async () => {
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });
  await upgradeTests(t, knex);
  const columns = (await knex('information_schema.columns')
    .where({ table_schema: schema })
    .select('table_name', 'column_name', 'data_type', 'character_maximum_length', 'column_default', 'is_nullable')) as Record<string, unknown>[];
  const column = (table: string, name: string) => columns.find((c) => c['table_name'] === table && c['column_name'] === name);
  // Since 010 a product's price lives on its variants: the money moved there, still bigint.
  const money = { stores: ['delivery_fee', 'free_delivery_above', 'min_order_value'], product_variants: ['price', 'compare_at_price'],
    orders: ['subtotal', 'delivery_fee', 'total'], order_items: ['unit_price', 'line_total'] };
  for (const [table, names] of Object.entries(money)) {
    for (const name of names) t.equal(column(table, name)?.['data_type'], 'bigint', `${table}.${name}`);
  }
  t.match(column('stores', 'delivery_fee'), { column_default: /^0/, is_nullable: 'NO' }, 'defaults and NOT NULL kept');
  t.equal(column('orders', 'idempotency_key')?.['character_maximum_length'], 255);
  t.equal(column('orders', 'idempotency_fingerprint')?.['character_maximum_length'], 64);
});
