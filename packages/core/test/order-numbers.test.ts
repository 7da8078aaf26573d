// Order numbers without a store-wide lock (issue 15): on PostgreSQL a sequence per store
// (migration 012), on SQLite the store-row counter. Replays without a lookup before the
// transaction: the unique key decides and the earlier order answers.
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { orderRecord, placeOrder, seedStore } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';
import { coreVariants } from './support/core-variants.js';
import { migrateDownThrough, onBothDatabases } from './support/migrations.js';
import { openStore, orderFor } from './support/orders.js';

const uuidStore = '0192f0a1-7b2c-7d3e-8f40-a1b2c3d4e5f6';

async function upgradeTests(t: Test, knex: Knex): Promise<void> {
  const before012 = {
    ...migrationSource,
    getMigrations: async (extensions: readonly string[]) => (await migrationSource.getMigrations(extensions)).filter((m) => m.name < '012'),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: before012 });
  const created = '2026-01-01T00:00:00.000Z';
  await knex('vendors').insert([
    { id: 'v1', email: 'v1@example.com', password_hash: 'x', created_at: created },
    { id: 'v2', email: 'v2@example.com', password_hash: 'x', created_at: created },
  ]);
  await knex('stores').insert([
    // An id that is no UUID, with characters an identifier could not hold as they are.
    { id: 'S 1"; x', vendor_id: 'v1', slug: 'odd-id', name: 'Odd', created_at: created, updated_at: created, next_order_number: 1004 },
    { id: uuidStore, vendor_id: 'v2', slug: 'uuid-id', name: 'Uuid', created_at: created, updated_at: created, next_order_number: 1001 },
  ]);
  await migrateLatest(knex);
  const postgres = knex.client.dialect === 'postgresql';
  if (postgres) {
    const names = (await knex.raw('SELECT order_number_sequence(?) AS a, order_number_sequence(?) AS b', ['S 1"; x', uuidStore])) as { rows: { a: string; b: string }[] };
    t.equal(names.rows[0]?.b, `order_numbers_${uuidStore.replaceAll('-', '')}`, "a UUID store's sequence is named by its hex digits");
    t.match(names.rows[0]?.a, /^order_numbers_[0-9a-f]{32}$/, 'any other id by a hash: a plain identifier');
    const options = (await knex.raw("SELECT reloptions FROM pg_class WHERE oid = 'orders'::regclass")) as { rows: { reloptions: string[] }[] };
    t.same(options.rows[0]?.reloptions, ['autovacuum_analyze_scale_factor=0.01', 'autovacuum_analyze_threshold=1000'], 'orders are analysed after 1 % of changes');
  }
  const p = objectionPersistence(knex);
  t.equal((await placeOrder(p, orderRecord('S 1"; x'))).number, 1004, 'an existing store goes on from its counter');
  t.equal((await placeOrder(p, orderRecord(uuidStore))).number, 1001);
  const fresh = await seedStore(p);
  t.equal((await placeOrder(p, orderRecord(fresh.store.id))).number, 1001, 'a store created after the migration numbers from 1001');
  t.equal((await placeOrder(p, orderRecord(fresh.store.id))).number, 1002);
  await migrateDownThrough(knex, '012-order-number-sequences');
  if (postgres) {
    const left = (await knex.raw(
      "SELECT count(*)::int AS n FROM pg_class WHERE relkind = 'S' AND relname LIKE 'order_numbers_%' AND relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'orders'::regclass)",
    )) as { rows: { n: number }[] };
    t.equal(left.rows[0]?.n, 0, 'down drops the sequences');
  }
  const counters = (await knex('stores').select('id', 'next_order_number').orderBy('id')) as { id: string; next_order_number: number }[];
  t.same(
    Object.fromEntries(counters.map((row) => [row.id, Number(row.next_order_number)])),
    { 'S 1"; x': 1005, [uuidStore]: 1002, [fresh.store.id]: 1003 },
    'down writes where each sequence stood back into the store row',
  );
  // This release's PostgreSQL checkout needs 012; the release before it counts on the store row.
  if (!postgres) t.equal((await placeOrder(p, orderRecord(fresh.store.id))).number, 1003, 'the store-row counter goes on from there');
  await migrateLatest(knex);
  t.equal((await placeOrder(p, orderRecord(fresh.store.id))).number, postgres ? 1003 : 1004, 'and up again, from where the counter stood');
  t.equal((await placeOrder(p, orderRecord(uuidStore))).number, 1002);
}

onBothDatabases('012 numbers orders from a sequence per store (PostgreSQL) and back', 'seq', upgradeTests);

const { postgresUrl } = testServices();
t.test('PostgreSQL: order numbers hold no store-wide lock until commit', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('seq');
  const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 4 });
  t.teardown(async () => {
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  const { store } = await seedStore(p);

  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken = 0;
  const first = p.transaction(async (tx) => {
    taken = await tx.orders.insertWithNextNumber(orderRecord(store.id));
    await held;
  });
  while (taken === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  // With the store-row counter this second checkout waited for the first one's commit.
  const second = await Promise.race([
    placeOrder(p, orderRecord(store.id)).then((order) => order.number),
    new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3000)),
  ]);
  t.equal(taken, 1001);
  t.equal(second, 1002, 'a second checkout of the store commits while the first is still open');
  release();
  await first;
  t.same((await p.orders.list(store.id, { limit: 10 })).items.map((o) => o.number).sort(), [1001, 1002]);

  const gone = await seedStore(p);
  const name = ((await knex.raw('SELECT order_number_sequence(?) AS name', [gone.store.id])) as { rows: { name: string }[] }).rows[0]?.name ?? '';
  t.ok(((await knex.raw('SELECT to_regclass(?) AS r', [name])) as { rows: { r: string | null }[] }).rows[0]?.r, 'the sequence comes with the store row');
  await knex('store_slugs').where('store_id', gone.store.id).delete();
  await knex('stores').where('id', gone.store.id).delete();
  t.equal(((await knex.raw('SELECT to_regclass(?) AS r', [name])) as { rows: { r: string | null }[] }).rows[0]?.r, null, 'and goes with it');
});

for (const variant of coreVariants()) {
  t.test(`${variant.name}: replays without a lookup before the transaction`, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const gaps = variant.name.startsWith('postgres');
    const { store } = await openStore(dukaan);
    const tea = await dukaan.catalog.createProduct(store.id, { name: 'Tea', price: 10000, stock: 10 });
    const body = orderFor([{ productId: tea.id, quantity: 2 }]);
    const probe = await dukaan.orders.place(store.slug, body);
    t.equal(probe.order.number, 1001);
    // expectedTotal is part of the request (and of its fingerprint): every replay below sends it.
    const again = { ...body, expectedTotal: probe.order.total };
    const first = await dukaan.orders.place(store.slug, again, { idempotencyKey: 'r-1' });
    t.same([first.created, first.order.number], [true, 1002]);
    const replayed = await dukaan.orders.place(store.slug, again, { idempotencyKey: 'r-1' });
    t.same([replayed.order.id, replayed.created], [first.order.id, false], 'a replay answers the first order');
    t.equal((await dukaan.catalog.getProduct(store.id, tea.id)).stock, 6, 'and took no stock');
    await dukaan.catalog.updateProduct(store.id, tea.id, { stock: 1 });
    const outOfStock = await dukaan.orders.place(store.slug, again, { idempotencyKey: 'r-1' });
    t.same([outOfStock.order.id, outOfStock.created], [first.order.id, false], 'a replay whose stock ran out since still answers the first order');
    await dukaan.catalog.updateProduct(store.id, tea.id, { price: 12000, stock: 10 });
    const repriced = await dukaan.orders.place(store.slug, again, { idempotencyKey: 'r-1' });
    t.same([repriced.order.id, repriced.created], [first.order.id, false], 'and so does one whose price changed since');
    await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: tea.id, quantity: 1 }]), { idempotencyKey: 'r-1' }), { code: 'IDEMPOTENCY_KEY_REUSED' });
    t.equal((await dukaan.catalog.getProduct(store.id, tea.id)).stock, 10, 'no replay took stock');
    const next = await dukaan.orders.place(store.slug, orderFor([{ productId: tea.id, quantity: 1 }]));
    // Two attempts reached the insert and met the first order's key there (the plain replay and the
    // other request); the refused ones stopped before the number.
    t.equal(next.order.number, gaps ? 1005 : 1003, gaps ? 'the attempts that reached the insert spent a number each (PostgreSQL)' : 'no number spent (SQLite)');
    t.equal((await dukaan.orders.list(store.id, {})).items.length, 3, 'three orders in all');
  });

  t.test(`${variant.name}: a coupon that limits nothing is counted last, once per order`, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const p = await dukaan.catalog.createProduct(store.id, { name: 'Jalebi', price: 20000, stock: 100 });
    const coupon = await dukaan.coupons.create(store.id, { code: 'ALL', type: 'percent', value: 10 });
    const placed = await Promise.all(
      Array.from({ length: 12 }, () => dukaan.orders.place(store.slug, { ...orderFor([{ productId: p.id, quantity: 1 }]), couponCode: 'ALL' })),
    );
    t.ok(placed.every((r) => r.order.discount === 2000), 'every order discounted');
    t.same(placed.map((r) => r.order.number).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => 1001 + i), 'numbers contiguous');
    t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 12, 'every use counted');
    await dukaan.catalog.updateProduct(store.id, p.id, { stock: 0 });
    await t.rejects(dukaan.orders.place(store.slug, { ...orderFor([{ productId: p.id, quantity: 1 }]), couponCode: 'ALL' }), { code: 'OUT_OF_STOCK' });
    t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 12, 'a refused order counts no use');
  });
}
