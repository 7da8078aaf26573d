// Migration 015 on a database with a store and a vendor from before languages: both read back as
// English (the default of the new columns), a change round-trips, and down drops the columns again.
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { migrateDownThrough, onBothDatabases } from './support/migrations.js';

async function migrationTests(t: Test, knex: Knex): Promise<void> {
  const before015 = {
    ...migrationSource,
    getMigrations: async (extensions: readonly string[]) => (await migrationSource.getMigrations(extensions)).filter((m) => m.name < '015'),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: before015 });
  const created = '2026-01-01T00:00:00.000Z';
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: created });
  await knex('stores').insert({ id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', created_at: created, updated_at: created });
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  t.equal((await p.stores.findById('s1'))?.locale, 'en', 'an existing store keeps English for its customers');
  t.equal((await p.vendors.findById('v1'))?.locale, 'en', 'an existing vendor keeps English');
  await p.stores.update('s1', { locale: 'hi' }, created);
  t.equal(await p.vendors.updateLocale('v1', 'hi'), true);
  t.equal((await p.stores.findById('s1'))?.locale, 'hi');
  t.equal((await p.vendors.findById('v1'))?.locale, 'hi');
  await migrateDownThrough(knex, '015-locales');
  t.notOk(await knex.schema.hasColumn('stores', 'locale'), 'down drops stores.locale');
  t.notOk(await knex.schema.hasColumn('vendors', 'locale'), 'and vendors.locale');
  t.equal(((await knex('stores').count({ n: '*' })) as { n: unknown }[])[0]?.n?.toString(), '1', 'keeping the rows');
  await migrateLatest(knex);
  t.equal((await p.stores.findById('s1'))?.locale, 'en', 'and up again, English');
}

onBothDatabases('015 gives every store and vendor a language', 'loc', migrationTests);
