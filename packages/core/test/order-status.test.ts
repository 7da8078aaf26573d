import t from 'tap';
import { nextStatuses, orderStatuses, canMove } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

t.test('the status machine allows exactly the documented moves', async (t) => {
  const allowed = orderStatuses.flatMap((from) => orderStatuses.filter((to) => canMove(from, to)).map((to) => `${from}->${to}`));
  t.same(allowed.sort(), ['accepted->cancelled', 'accepted->shipped', 'pending->accepted', 'pending->cancelled', 'pending->rejected', 'shipped->delivered', 'shipped->returned']);
  t.same(nextStatuses('delivered'), []);
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const p = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 10 });
    const place = async (quantity: number) => (await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity }]))).order;
    const stock = async () => (await dukaan.catalog.getProduct(store.id, p.id)).stock;

    t.test('pending -> accepted -> shipped -> delivered, with history', async (t) => {
      const order = await place(1);
      for (const status of ['accepted', 'shipped', 'delivered'] as const) {
        const moved = await dukaan.orders.changeStatus(store.id, order.id, { status });
        t.equal(moved.status, status);
      }
      const done = await dukaan.orders.get(store.id, order.id);
      t.same(done.history.map((h) => h.status), ['pending', 'accepted', 'shipped', 'delivered']);
      await t.rejects(dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled' }), {
        code: 'INVALID_TRANSITION',
        message: `Order #${order.number} cannot move from delivered to cancelled`,
      });
      t.equal(await stock(), 9, 'a delivered order keeps its stock');
    });

    t.test('rejecting or cancelling gives the stock back', async (t) => {
      const before = await stock();
      const rejected = await place(2);
      const cancelled = await place(3);
      t.equal(await stock(), (before ?? 0) - 5);
      await dukaan.orders.changeStatus(store.id, rejected.id, { status: 'rejected' });
      await dukaan.orders.changeStatus(store.id, cancelled.id, { status: 'accepted' });
      await dukaan.orders.changeStatus(store.id, cancelled.id, { status: 'cancelled' });
      t.equal(await stock(), before);
      await t.rejects(dukaan.orders.changeStatus(store.id, rejected.id, { status: 'accepted' }), { code: 'INVALID_TRANSITION' });
    });

    t.test('two concurrent cancellations return the stock once', async (t) => {
      const before = await stock();
      const order = await place(4);
      const results = await Promise.allSettled([1, 2, 3].map(() => dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled' })));
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      t.equal(await stock(), before);
    });

    t.test('another store cannot see or move the order', async (t) => {
      const order = await place(1);
      await t.rejects(dukaan.orders.get(other.id, order.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.orders.changeStatus(other.id, order.id, { status: 'accepted' }), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.orders.getByToken(other.slug, order.token), { code: 'NOT_FOUND' });
    });

    t.test('list newest first with filters and a cursor that visits each order once; summary', async (t) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await dukaan.orders.list(store.id, { limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((o) => o.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      t.equal(new Set(seen).size, seen.length, 'no duplicates');
      t.same(seen, [...seen].sort().reverse(), 'newest first');
      const all = await dukaan.orders.list(store.id, { limit: 100 });
      t.equal(seen.length, all.items.length);
      const pending = await dukaan.orders.list(store.id, { status: 'pending' });
      t.ok(pending.items.every((o) => o.status === 'pending'));
      const summary = await dukaan.orders.summary(store.id, new Date(Date.now() - 3600_000));
      t.equal(summary.orders, all.items.length);
      t.equal(summary.pending, pending.items.length);
      const revenue = all.items.filter((o) => !['rejected', 'cancelled'].includes(o.status)).reduce((s, o) => s + o.total, 0);
      t.equal(summary.revenue, revenue);
    });
  });
}
