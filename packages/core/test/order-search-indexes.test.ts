// The order search at 10,000 orders, on both databases: the same answers with and without
// migration 014's trigram indexes, and on PostgreSQL a plan that reads them (and a list plan that walks the
// newest ids backwards) instead of scanning the orders. Also how the migration copes with a
// database that refuses pg_trgm.
import t from 'tap';
import type { Knex } from 'knex';
import { applyOrderListFilters } from '../src/adapters/objection/order-list-filters.js';
import { createTrigramExtension, hasTrigramIndexes, trigramIndexes } from '../src/adapters/objection/trigram-indexes.js';
import { migrateLatest } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import type { OrderListQuery } from '../src/orders/order-repository.js';
import { orderSearch } from '../src/orders/order-search.js';
import { coreVariants } from './support/core-variants.js';
import { migrateDownThrough } from './support/migrations.js';
import { openStore } from './support/orders.js';

/** A pg-like error with a SQLSTATE, as node-pg rejects with. */
function refusal(code: string): Error {
  return Object.assign(new Error(`refused (${code})`), { code });
}

/** A knex stand-in whose savepoints fail with `codes` in turn; records the statements it was given. */
function refusingKnex(codes: string[], statements: string[]): Knex {
  const savepoint = { raw: (sql: string) => (statements.push(sql), Promise.resolve()) };
  let attempt = 0;
  const stub = {
    transaction: async (work: (trx: typeof savepoint) => Promise<void>) => {
      await work(savepoint);
      const code = codes[attempt++];
      if (code !== undefined) throw refusal(code);
    },
    raw: () => Promise.resolve({ rows: [{ schema: 'app' }] }),
  };
  return stub as unknown as Knex;
}

t.test('pg_trgm: public first, then the current schema; a refusal is not an error, anything else is', async (t) => {
  const tried: string[] = [];
  t.equal(await createTrigramExtension(refusingKnex(['42501', '42501'], tried)), null, 'no right to create it anywhere: no indexes, no failure');
  t.same(tried, ['CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public', 'CREATE EXTENSION IF NOT EXISTS pg_trgm']);
  t.equal(await createTrigramExtension(refusingKnex(['58P01', '58P01'], [])), null, 'not installed on the server');
  t.equal(await createTrigramExtension(refusingKnex(['3F000'], [])), 'app', 'no public schema: created in the current one');
  await t.rejects(createTrigramExtension(refusingKnex(['23505'], [])), { code: '23505' }, 'a concurrent first run is thrown, for migrateLatest to retry');
});

const seeded = 10_000;

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const postgres = !variant.name.startsWith('sqlite');
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Masala chai', price: 24900, stock: null });
    const { order: template } = await dukaan.orders.place(store.slug, {
      customer: { name: 'Template Customer', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' },
      items: [{ productId: product.id, quantity: 1 }],
      paymentMethod: 'cod',
    });

    // Copies of the template's row: ids ascending with i (the list's order), distinct phones,
    // every 100th customer a rare name. Lines and history are not needed to search.
    const row = (await knex('orders').where({ id: template.id }).first()) as Record<string, unknown>;
    const idOf = (i: number) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    const phoneOf = (i: number) => `+91${9000000000 + i * 7919}`;
    const nameOf = (i: number) => (i % 100 === 0 ? `Zubin Wadia ${i}` : `Common Customer ${i}`);
    const rows = Array.from({ length: seeded }, (_, index) => {
      const i = index + 1;
      return { ...row, id: idOf(i), number: 100000 + i, token: `tok${i}`.padEnd(32, 'x'), idempotency_key: `copy-${i}`, customer_name: nameOf(i), customer_phone: phoneOf(i) };
    });
    for (let from = 0; from < rows.length; from += 500) await knex('orders').insert(rows.slice(from, from + 500));
    // The other store holds the same phone as copy 1234: it must never show up.
    await knex('orders').insert({ ...row, id: idOf(seeded + 1), store_id: other.id, number: 1, token: 'other'.padEnd(32, 'x'), idempotency_key: 'other', customer_phone: phoneOf(1234) });
    // VACUUM also moves the rows just inserted out of the GIN indexes' pending list, where
    // autovacuum would take them in a live database; the planner prices a long list as a scan.
    if (postgres) await knex.raw('VACUUM ANALYZE orders');

    /** Every id `q` finds, following the cursors (pages of 20). */
    const found = async (q: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages += 1) {
        const page = await dukaan.orders.list(store.id, { q, limit: 20, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((o) => o.id));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
      throw new Error('the cursor never ended');
    };
    const copies = (keep: (i: number) => boolean) => Array.from({ length: seeded }, (_, index) => seeded - index).filter(keep).map(idOf);

    // What each search must find, newest first; checked with the indexes and (PostgreSQL) without.
    const searches: Array<[string, string[]]> = [
      ['98765 43210', [template.id]],
      [`${phoneOf(1234).slice(3, 8)} ${phoneOf(1234).slice(8)}`, [idOf(1234)]],
      [phoneOf(1234), [idOf(1234)]],
      [phoneOf(2999).slice(-7), copies((i) => phoneOf(i).endsWith(phoneOf(2999).slice(-7)))],
      ['zubin', copies((i) => i % 100 === 0)],
      ['WADIA 12', copies((i) => i % 100 === 0 && String(i).startsWith('12'))],
      ['#100042', [idOf(42)]],
      ['nobody at all', []],
      ['ZZ', []],
      ['zu', copies((i) => i % 100 === 0)],
      ['r 12', copies((i) => i % 100 !== 0 && String(i).startsWith('12'))],
    ];

    t.test('the searches find exactly their orders, newest first, paging included', async (t) => {
      for (const [q, expected] of searches) t.same(await found(q), expected, q);
      t.equal(searches[4]?.[1].length, seeded / 100, 'a name shared by 100 orders spans five pages');
    });

    if (!postgres) return;

    const explain = async (query: OrderListQuery) => {
      const builder = knex('orders').select('orders.*');
      applyOrderListFilters(builder, store.id, query);
      const { sql, bindings } = builder.orderBy('orders.id', 'desc').limit(query.limit).toSQL();
      const result = (await knex.raw(`EXPLAIN ${sql}`, bindings)) as { rows: Array<Record<string, string>> };
      return result.rows.map((r) => Object.values(r).join('')).join('\n');
    };

    t.test('PostgreSQL: the migration made both trigram indexes, and the planner reads them', async (t) => {
      t.ok(await hasTrigramIndexes(knex));
      for (const q of ['98765 43210', phoneOf(1234).slice(-7), 'wadia 12']) {
        const plan = await explain({ limit: 21, search: orderSearch(q) ?? undefined });
        t.notMatch(plan, /Seq Scan on orders/, `${q}: no scan of every order\n${plan}`);
        t.match(plan, new RegExp(q === 'wadia 12' ? trigramIndexes.name : trigramIndexes.phone), `${q}: through the trigram index\n${plan}`);
      }
      const short = await explain({ limit: 21, search: orderSearch('zq') ?? undefined });
      t.notMatch(short, /trgm/, `two letters hold no trigram: the store's newest orders are walked instead of the whole index\n${short}`);
      t.notMatch(short, /Seq Scan on orders/, short);
      const list = await explain({ limit: 21 });
      t.match(list, /Index Scan Backward using (orders_pkey|\w*store_id_id\w*) on orders/, `the list walks (store_id, id) from the newest\n${list}`);
      t.notMatch(list, /Sort|Seq Scan/, 'and stops after 21: no sort of the store’s orders');
    });

    t.test('PostgreSQL: without the indexes (no pg_trgm) the answers are the same; migrating again adds them back', async (t) => {
      await migrateDownThrough(knex, '014-order-search-indexes');
      t.notOk(await hasTrigramIndexes(knex));
      for (const [q, expected] of searches) t.same(await found(q), expected, `${q}, without the indexes`);
      await migrateLatest(knex);
      t.ok(await hasTrigramIndexes(knex));
      const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown, unknown[]];
      t.equal(pending.length, 0);
    });
  });
}
