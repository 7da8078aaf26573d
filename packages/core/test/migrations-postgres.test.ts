import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const { postgresUrl } = testServices();

/** `count` knex instances on one fresh schema, dropped with it when the test ends. */
function instances(t: Test, count: number, poolMax = 2): Knex[] {
  const schema = uniqueTestName('mig');
  const all = Array.from({ length: count }, () => createKnex(postgresUrl ?? '', { schema, poolMax }));
  t.teardown(async () => {
    await all[0]?.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await Promise.all(all.map((knex) => knex.destroy()));
  });
  return all;
}

async function migrated(t: Test, knex: Knex): Promise<void> {
  const [applied] = (await knex('knex_migrations').count({ n: '*' })) as { n: unknown }[];
  const all = await migrationSource.getMigrations([]);
  t.ok(all.length >= 5, 'the accounts migration is among them');
  t.equal(Number(applied?.n), all.length, 'every migration ran once');
  for (const table of ['stores', 'orders', 'sessions']) t.ok(await knex.schema.hasTable(table), table);
  const locks = (await knex('knex_migrations_lock').select('is_locked')) as { is_locked: number }[];
  t.same(locks, [{ is_locked: 0 }], "knex's lock table has one free row");
}

const skip = postgresUrl === null && 'PostgreSQL not configured';

t.test('PostgreSQL: a lock table left with two rows by a racing first start is repaired', { skip }, async (t) => {
  const [first, ...others] = instances(t, 3);
  // What two instances inserting the initial lock row at once leave behind: knex then
  // refuses every run ("already locked"), and the app never starts.
  await first!.schema.createTable('knex_migrations_lock', (table) => {
    table.increments('index').primary();
    table.integer('is_locked');
  });
  await first!('knex_migrations_lock').insert([{ is_locked: 0 }, { is_locked: 0 }]);
  await t.resolves(Promise.all([first!, ...others].map((knex) => migrateLatest(knex, { waitMs: 5_000 }))));
  await migrated(t, first!);
});

t.test('PostgreSQL: eight instances starting at once on an empty schema all finish', { skip }, async (t) => {
  const all = instances(t, 8);
  await t.resolves(Promise.all(all.map((knex) => migrateLatest(knex, { waitMs: 20_000 }))));
  await migrated(t, all[0]!);
});

t.test('PostgreSQL: a pool of one connection migrates (the lock has a connection of its own)', { skip }, async (t) => {
  const [knex] = instances(t, 1, 1);
  await t.resolves(migrateLatest(knex!, { waitMs: 5_000 }));
  await migrated(t, knex!);
});

t.test('PostgreSQL: an instance that cannot get the lock in time gives up', { skip }, async (t) => {
  const [holder, waiter] = instances(t, 2);
  await migrateLatest(holder!);
  // Hold the same advisory lock from another session, as a long migration would.
  const connection = await holder!.client.acquireConnection();
  t.teardown(() => holder!.client.releaseConnection(connection));
  const lock = 'SELECT pg_advisory_lock(?, hashtext(current_schema()))';
  await holder!.raw(lock, [0x646b]).connection(connection);
  await t.rejects(migrateLatest(waiter!, { waitMs: 300 }), { code: '55P03' }, 'lock_timeout, not a hang');
  await holder!.raw('SELECT pg_advisory_unlock_all()').connection(connection);
  await t.resolves(migrateLatest(waiter!, { waitMs: 1_000 }));
});
