// 005-accounts on a database with data from before it: rows keep working with the new columns
// null, and the migration goes down again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { migrateDownThrough } from './support/migrations.js';
import { at } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const dir = mkdtempSync(join(tmpdir(), 'dukaan-migrations-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Every migration before 005, as a deployed app has them. */
const upTo004 = {
  ...migrationSource,
  getMigrations: async (loadExtensions: readonly string[]) => (await migrationSource.getMigrations(loadExtensions)).slice(0, 4),
} as Knex.MigrationSource<unknown>;

/** A vendor, store, session, API token and order written on the 004 schema. */
async function seed004(knex: Knex): Promise<string> {
  const created = at(-60_000);
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: created });
  await knex('stores').insert({ id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', created_at: created, updated_at: created });
  await knex('store_slugs').insert({ slug: 'chai-now', store_id: 's1', retired_at: null });
  await knex('sessions').insert({ id: 'se1', vendor_id: 'v1', store_id: 's1', token_hash: 'h1', created_at: created, expires_at: at(3600_000) });
  await knex('api_tokens').insert({ id: 'a1', vendor_id: 'v1', store_id: 's1', name: 'ci', token_hash: 'h2', created_at: created });
  await knex('orders').insert({
    id: 'o1', store_id: 's1', number: 1001, token: 't1', status: 'pending', customer_name: 'A', customer_phone: '+919811111111',
    customer_address: 'x', customer_pincode: '700016', subtotal: 9800, delivery_fee: 4000, total: 13800, currency: 'INR',
    payment_method: 'cod', created_at: created, updated_at: created,
  });
  return created;
}

async function upgradeTests(t: Test, knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: upTo004 });
  const created = await seed004(knex);
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  t.same(await p.sessions.listByVendor('v1'), [
    { id: 'se1', vendorId: 'v1', storeId: 's1', tokenHash: 'h1', createdAt: created, expiresAt: (await p.sessions.findByTokenHash('h1'))?.expiresAt, userAgent: null, lastSeenAt: null },
  ]);
  t.match(await p.apiTokens.listByVendor('v1'), [{ id: 'a1', prefix: null, lastUsedAt: null }]);
  t.match(await p.orders.findById('s1', 'o1'), { customerErasedAt: null, customer: { name: 'A' } });
  t.match(await p.stores.resolveSlug('chai-now'), { storeId: 's1' }, 'an existing store is open');
  t.match(await p.vendors.findByEmail('v@example.com'), { id: 'v1' }, 'an existing vendor is not erased');
  t.equal(await p.orders.eraseAllCustomers('s1', at()), 1, 'the new columns are usable');
  await migrateDownThrough(knex, '005-accounts');
  t.notOk(await knex.schema.hasTable('account_tokens'), 'down drops the table');
  t.notOk(await knex.schema.hasColumn('sessions', 'user_agent'), 'and the columns');
  t.ok(await knex.schema.hasColumn('orders', 'customer_name'), 'keeping the rest');
  await migrateLatest(knex);
  t.ok(await knex.schema.hasTable('account_tokens'), 'and up again');
}

t.test('SQLite: 005 upgrades a 004 database', async (t) => {
  const knex = createKnex(`sqlite:${join(dir, 'upgrade.db')}`);
  t.teardown(() => knex.destroy());
  await upgradeTests(t, knex);
});

const { postgresUrl } = testServices();
t.test('PostgreSQL: 005 upgrades a 004 database', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('acc');
  const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 2 });
  t.teardown(async () => {
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });
  await upgradeTests(t, knex);
});
