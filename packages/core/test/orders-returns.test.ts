// Returns and reasons: a shipped order that comes back (refused at the door, returned to origin)
// gives its stock back exactly once, like a cancel; cancels, rejects and returns may say why.
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { inProcessEventBus, toCustomerOrderView, type DomainEvent } from '../src/index.js';
import { finalStatuses } from '../src/orders/status-machine.js';
import { migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { migrateDownThrough, onBothDatabases } from './support/migrations.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

t.test('returned is final, so erasure counts a returned order as finished', async (t) => {
  t.ok(finalStatuses.includes('returned'));
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const events = inProcessEventBus();
    const seen: DomainEvent[] = [];
    events.subscribe((event) => void seen.push(event));
    const fixture = await variant.open({ events });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });
    const stock = async () => (await dukaan.catalog.getProduct(store.id, product.id)).stock;
    const move = (id: string, status: string, reason?: unknown) => dukaan.orders.changeStatus(store.id, id, reason === undefined ? { status } : { status, reason });
    /** An order of `quantity` moved along `path`. */
    const orderAt = async (quantity: number, path: string[]) => {
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity }]));
      for (const status of path) await move(order.id, status);
      return order;
    };

    t.test('a shipped order that comes back returns its stock, with the reason on its history and customer view', async (t) => {
      const before = await stock();
      const order = await orderAt(3, ['accepted', 'shipped']);
      t.equal(await stock(), (before ?? 0) - 3);
      seen.length = 0;
      const returned = await move(order.id, 'returned', '  Refused at the door  ');
      t.equal(returned.status, 'returned');
      t.equal(await stock(), before, 'the units are back on the shelf');
      t.match(returned.history.at(-1), { status: 'returned', reason: 'Refused at the door' }, 'trimmed, on the history entry');
      t.same(returned.history.slice(0, -1).map((h) => h.reason), [null, null, null], 'forward moves carry none');
      t.equal(toCustomerOrderView(returned).statusReason, 'Refused at the door', 'the customer sees it');
      t.same(
        seen.map((e) => e.type),
        ['order.status-changed', 'stock.changed', 'stock.availability-changed'],
        'announced like a cancel',
      );
      await t.rejects(move(order.id, 'delivered'), { code: 'INVALID_TRANSITION' }, 'nothing follows a return');
    });

    t.test('only a shipped order can be returned', async (t) => {
      for (const path of [[], ['accepted'], ['accepted', 'shipped', 'delivered'], ['cancelled']]) {
        const order = await orderAt(1, path);
        await t.rejects(move(order.id, 'returned'), { code: 'INVALID_TRANSITION' }, `not from ${path.at(-1) ?? 'pending'}`);
      }
    });

    t.test('20 concurrent returns give the stock back once', async (t) => {
      const order = await orderAt(5, ['accepted', 'shipped']);
      const before = await stock();
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => move(order.id, 'returned', `attempt ${i}`)));
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one move wins');
      for (const r of results) if (r.status === 'rejected') t.match(r.reason, { code: 'INVALID_TRANSITION' });
      t.equal(await stock(), (before ?? 0) + 5, 'five units back, not a hundred');
      const history = (await dukaan.orders.get(store.id, order.id)).history;
      t.equal(history.filter((h) => h.status === 'returned').length, 1, 'one history entry');
    });

    t.test('a returned order is not revenue; erasing its customer erases the reason too', async (t) => {
      const since = new Date(Date.now() - 60_000);
      const before = await dukaan.orders.summary(store.id, since);
      const order = await orderAt(2, ['accepted', 'shipped']);
      t.equal((await dukaan.orders.summary(store.id, since)).revenue, before.revenue + order.total, 'a shipped order counts');
      await move(order.id, 'returned', 'Asha said to call +91 98765 43210 instead');
      t.equal((await dukaan.orders.summary(store.id, since)).revenue, before.revenue, 'a returned one does not');
      await dukaan.orders.eraseCustomer(store.id, { phone: order.customer.phone });
      const erased = await dukaan.orders.get(store.id, order.id);
      t.equal(erased.customer.name, '', 'the customer is erased');
      t.ok(erased.history.every((h) => h.reason === null), 'and so is the free text written about them');
      t.equal(erased.history.at(-1)?.status, 'returned', 'the history itself stays');
    });

    t.test('a reason is for cancel, reject and return only; optional, trimmed, at most 200 characters, no NUL', async (t) => {
      const rejected = await orderAt(1, []);
      t.equal((await move(rejected.id, 'rejected', 'Out of stock today')).history.at(-1)?.reason, 'Out of stock today');
      const cancelled = await orderAt(1, ['accepted']);
      const plain = await move(cancelled.id, 'cancelled', '   ');
      t.equal(plain.history.at(-1)?.reason, null, 'a blank reason is none');
      t.equal(toCustomerOrderView(plain).statusReason, null);
      const pending = await orderAt(1, []);
      await t.rejects(move(pending.id, 'accepted', 'because'), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'reason', message: 'A reason can only be given to cancel, reject or return an order' }],
      });
      await t.rejects(move(pending.id, 'cancelled', 'x'.repeat(201)), { code: 'VALIDATION_FAILED', details: [{ path: 'reason' }] });
      await t.rejects(move(pending.id, 'cancelled', 'a\0b'), { code: 'VALIDATION_FAILED', details: [{ path: 'reason' }] });
      await t.rejects(move(pending.id, 'cancelled', 42), { code: 'VALIDATION_FAILED', details: [{ path: 'reason' }] });
      t.equal((await dukaan.orders.get(store.id, pending.id)).status, 'pending', 'a refused move changes nothing');
      const longest = 'ब'.repeat(200);
      t.equal((await move(pending.id, 'cancelled', longest)).history.at(-1)?.reason, longest, '200 characters fit the column');
      t.equal(toCustomerOrderView(await dukaan.orders.get(store.id, (await orderAt(1, ['accepted'])).id)).statusReason, null, 'no reason on a forward status');
    });

    t.test('erasing a customer erases their returned orders (a final status)', async (t) => {
      const order = await orderAt(1, ['accepted', 'shipped']);
      await move(order.id, 'returned', 'Return to origin');
      const { ordersErased } = await dukaan.orders.eraseCustomer(store.id, { phone: order.customer.phone });
      t.ok(ordersErased >= 1);
      t.match(await dukaan.orders.get(store.id, order.id), { status: 'returned', customer: { name: '', phone: '' } });
    });
  });
}

/** A 005 database with an order and its history: 006 adds `reason` (null on old rows) and goes down again. */
async function migrationTests(t: Test, knex: Knex): Promise<void> {
  const upTo005 = {
    ...migrationSource,
    getMigrations: async (extensions: readonly string[]) => (await migrationSource.getMigrations(extensions)).slice(0, 5),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: upTo005 });
  const created = '2026-01-01T00:00:00.000Z';
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: created });
  await knex('stores').insert({ id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', created_at: created, updated_at: created });
  await knex('orders').insert({
    id: 'o1', store_id: 's1', number: 1001, token: 't1', status: 'cancelled', customer_name: 'A', customer_phone: '+919811111111',
    customer_address: 'x', customer_pincode: '700016', subtotal: 9800, delivery_fee: 4000, total: 13800, currency: 'INR',
    payment_method: 'cod', created_at: created, updated_at: created,
  });
  await knex('order_status_history').insert([{ order_id: 'o1', status: 'pending', at: created }, { order_id: 'o1', status: 'cancelled', at: created }]);
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  t.same((await p.orders.findById('s1', 'o1'))?.history, [
    { status: 'pending', at: created, reason: null },
    { status: 'cancelled', at: created, reason: null },
  ], 'old entries read with no reason');
  await migrateDownThrough(knex, '006-order-reasons');
  t.notOk(await knex.schema.hasColumn('order_status_history', 'reason'), 'down drops the column');
  t.equal(((await knex('order_status_history').count({ n: '*' })) as { n: unknown }[])[0]?.n?.toString(), '2', 'keeping the rows');
  await migrateLatest(knex);
  t.ok(await knex.schema.hasColumn('order_status_history', 'reason'), 'and up again');
}

onBothDatabases('006 upgrades a 005 database', 'rsn', migrationTests);
