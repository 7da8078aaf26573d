import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { UniqueViolationError } from 'objection';
import { countQueries, createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { sqliteFilename } from '../src/adapters/objection/create-knex.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { translateUniqueViolation, uniqueFields, uniqueViolationColumns } from '../src/adapters/objection/unique-violation.js';
import { ConflictError } from '../src/errors.js';
import { orderRecord, placeOrder, productRecord, seedProducts, seedStore, vendorRecord } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const dir = mkdtempSync(join(tmpdir(), 'dukaan-knex-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated SQLite database in the temp dir, destroyed when the test ends. */
async function sqlite(t: Test, name: string): Promise<Knex> {
  const knex = createKnex(`sqlite:${join(dir, name)}`);
  t.teardown(() => knex.destroy());
  await migrateLatest(knex);
  return knex;
}

t.test('sqliteFilename reads sqlite:, file: and :memory: URLs', async (t) => {
  t.equal(sqliteFilename('sqlite:data/app.db'), 'data/app.db');
  t.equal(sqliteFilename('sqlite:/var/lib/app.db'), '/var/lib/app.db');
  t.equal(sqliteFilename('sqlite:///var/lib/app.db'), '/var/lib/app.db');
  t.equal(sqliteFilename('file:./app.db'), './app.db');
  t.equal(sqliteFilename(':memory:'), ':memory:');
  t.equal(sqliteFilename('sqlite::memory:'), ':memory:');
  t.equal(sqliteFilename('postgres://localhost/db'), null);
});

t.test('createKnex picks the driver from the URL', async (t) => {
  const pg = createKnex('postgresql://user:secret@127.0.0.1:1/db', { schema: 'shop', poolMax: 3 });
  t.equal(pg.client.config.client, 'pg');
  t.same(pg.client.config.searchPath, ['shop']);
  t.equal(pg.client.config.pool.max, 3);
  await pg.destroy();
  t.throws(() => createKnex('postgres://127.0.0.1/db', { schema: 'bad"name' }), TypeError);
  const error = (() => {
    try {
      createKnex('mysql://user:secret@host/db');
    } catch (e) {
      return e as Error;
    }
    return null;
  })();
  t.type(error, TypeError);
  t.notMatch(error?.message ?? '', /secret/, 'the URL (and its password) is not echoed');
});

t.test('SQLite: parent directory created, pragmas set on the connection', async (t) => {
  const file = join(dir, 'nested', 'deeper', 'app.db');
  const knex = createKnex(`sqlite:${file}`);
  t.teardown(() => knex.destroy());
  const pragma = async (name: string) => Object.values(((await knex.raw(`PRAGMA ${name}`)) as Record<string, unknown>[])[0] ?? {})[0];
  t.equal(await pragma('foreign_keys'), 1);
  t.equal(await pragma('journal_mode'), 'wal');
  t.equal(await pragma('busy_timeout'), 5000);
  t.equal(await pragma('synchronous'), 1, 'NORMAL');
  t.ok(existsSync(file));
  t.equal(knex.client.config.pool.max, 1, 'one connection');
});

t.test('SQLite :memory: works without WAL', async (t) => {
  const knex = createKnex(':memory:');
  t.teardown(() => knex.destroy());
  await migrateLatest(knex);
  const persistence = objectionPersistence(knex);
  await t.resolves(persistence.ping());
  const { store } = await seedStore(persistence);
  t.ok(await persistence.stores.findById(store.id));
});

t.test('migrateLatest is idempotent', async (t) => {
  const knex = await sqlite(t, 'migrate.db');
  await t.resolves(migrateLatest(knex));
  const [applied] = (await knex('knex_migrations').count({ n: '*' })) as { n: number }[];
  t.equal(Number(applied?.n), (await migrationSource.getMigrations([])).length, 'each migration ran once');
  for (const table of ['vendors', 'stores', 'store_slugs', 'categories', 'products', 'orders', 'order_items', 'order_status_history', 'sessions', 'api_tokens']) {
    t.ok(await knex.schema.hasTable(table), table);
  }
});

t.test('two persistences on two databases share nothing; close ends ping', async (t) => {
  const a = objectionPersistence(await sqlite(t, 'a.db'));
  const b = objectionPersistence(await sqlite(t, 'b.db'));
  const vendor = vendorRecord();
  await a.vendors.insert(vendor);
  t.ok(await a.vendors.findById(vendor.id));
  t.equal(await b.vendors.findById(vendor.id), null);
  const knex = createKnex(`sqlite:${join(dir, 'closed.db')}`);
  const closed = objectionPersistence(knex);
  await closed.close();
  await t.rejects(closed.ping());
});

t.test('countQueries: stock, orders and transactions cost a constant number of queries', async (t) => {
  const knex = await sqlite(t, 'count.db');
  const queries = countQueries(knex);
  const p = objectionPersistence(knex);
  const { store } = await seedStore(p);
  const products = await seedProducts(p, store.id, 20, () => ({ stock: 5 }));
  const lines = products.map((product) => ({ variantId: product.id, quantity: 1 }));
  queries.reset();
  t.same(await p.products.takeStock(store.id, lines.slice(0, 1)), []);
  t.equal(queries.count, 1, 'one line, one query');
  queries.reset();
  t.same(await p.products.takeStock(store.id, [...lines, ...lines]), []);
  t.equal(queries.count, 1, 'forty lines, one query');
  queries.reset();
  const short = await p.products.takeStock(store.id, lines.map((line) => ({ ...line, quantity: 4 })));
  t.equal(short.length, 20);
  t.equal(queries.count, 2, 'a shortfall costs one SELECT more');
  queries.reset();
  await p.products.returnStock(store.id, lines);
  t.equal(queries.count, 1);

  queries.reset();
  await placeOrder(p, orderRecord(store.id));
  t.ok(queries.count >= 4, `transaction queries are counted (${queries.count})`);
  for (let i = 0; i < 4; i++) await placeOrder(p, orderRecord(store.id));
  queries.reset();
  t.equal((await p.orders.list(store.id, { limit: 10 })).items.length, 5);
  t.equal(queries.count, 3, 'orders, then lines and history in one query each');
});

t.test('unique violations: driver errors of both databases read alike', async (t) => {
  t.same(uniqueViolationColumns({ code: '23505', detail: 'Key (store_id, sku)=(a, b) already exists.' }), ['store_id', 'sku']);
  t.same(uniqueViolationColumns({ code: '23505', constraint: 'vendors_email_unique' }), ['vendors_email_unique']);
  t.same(
    uniqueViolationColumns({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'insert into "products" … - UNIQUE constraint failed: products.store_id, products.sku' }),
    ['store_id', 'sku'],
  );
  t.same(uniqueViolationColumns({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: 'UNIQUE constraint failed: store_slugs.slug' }), ['slug']);
  // db-errors' constructor takes its parsed fields, though the typings say a message.
  const Wrapped = UniqueViolationError as unknown as new (args: object) => Error;
  const wrapped = new Wrapped({ nativeError: new Error('x'), client: 'postgres', table: 't', columns: ['slug'], constraint: 'c' });
  t.same(uniqueViolationColumns(wrapped), ['slug']);
  t.equal(uniqueViolationColumns(new Error('other')), null);
  t.equal(uniqueViolationColumns({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY', message: 'FOREIGN KEY constraint failed' }), null);

  const sku = translateUniqueViolation({ code: '23505', detail: 'Key (store_id, sku)=(a, b) already exists.' }, [uniqueFields.sku]);
  t.type(sku, ConflictError);
  t.same((sku as ConflictError).details, [{ path: 'sku', message: uniqueFields.sku.message }]);
  const other = { code: '23505', detail: 'Key (token_hash)=(x) already exists.' };
  t.equal(translateUniqueViolation(other, [uniqueFields.sku]), other, 'an unexpected column passes through');
});

t.test('unique violations from a real driver become ConflictErrors without SQL', async (t) => {
  const p = objectionPersistence(await sqlite(t, 'conflict.db'));
  const { store } = await seedStore(p);
  await p.products.insert(productRecord(store.id, { sku: 'A' }));
  const error = await p.products.insert(productRecord(store.id, { sku: 'A' })).catch((e: unknown) => e);
  t.type(error, ConflictError);
  t.notMatch((error as Error).message, /insert|products|constraint/i);
  t.ok((error as Error).cause, 'the driver error is kept as the cause');
});

const { postgresUrl } = testServices();
t.test('PostgreSQL: schema created on connect, migrations idempotent', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('k');
  const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 2 });
  t.teardown(async () => {
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });
  await migrateLatest(knex);
  await migrateLatest(knex);
  const rows = (await knex('information_schema.tables').where({ table_schema: schema }).select('table_name')) as { table_name: string }[];
  t.ok(rows.some((row) => row.table_name === 'orders'), 'tables live in the schema');
  const p = objectionPersistence(knex);
  const { store } = await seedStore(p);
  await p.products.insert(productRecord(store.id, { sku: 'A' }));
  await t.rejects(p.products.insert(productRecord(store.id, { sku: 'A' })), { code: 'CONFLICT', details: [{ path: 'sku' }] });
});

t.test('PostgreSQL: instances migrating at once take turns', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('m');
  const instances = [1, 2, 3].map(() => createKnex(postgresUrl ?? '', { schema, poolMax: 2 }));
  t.teardown(async () => {
    await instances[0]?.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await Promise.all(instances.map((knex) => knex.destroy()));
  });
  await t.resolves(Promise.all(instances.map((knex) => migrateLatest(knex))));
  const [applied] = (await instances[0]!('knex_migrations').count({ n: '*' })) as { n: unknown }[];
  t.equal(Number(applied?.n), (await migrationSource.getMigrations([])).length, 'each migration ran once');
});
