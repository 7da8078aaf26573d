// The live order feed: an order placed or moved through one core instance reaches a dashboard
// subscribed on another (memory bus in one process; Redis between two connections), only the
// store's own, as a small summary without personal data beyond the customer's name.
import t from 'tap';
import type { Test } from 'tap';
import { noCache } from '../src/adapters/keyv/index.js';
import type { Dukaan, LiveOrderEvent } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

/** Polls (every 10 ms, bounded) until `check` holds. */
async function until(check: () => boolean, limitMs = 3000): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
}

/** Subscribes and waits (bounded) until other instances' events reach the subscriber. */
async function watch(t: Test, dukaan: Dukaan, storeId: string) {
  const events: LiveOrderEvent[] = [];
  let live = false;
  const stop = dukaan.live.subscribe(storeId, (event) => events.push(event), (value) => (live = value));
  t.teardown(stop);
  t.ok(await until(() => live), 'the subscription is live');
  return { events, stop };
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const a = fixture.dukaan;
    const b = fixture.secondInstance();
    const { store } = await openStore(a);
    const { store: other } = await openStore(a);
    const product = await a.catalog.createProduct(store.id, { name: 'Chai', price: 21000, stock: 50 });

    await t.test('an order placed on A reaches a dashboard on B, then its status change', async (t) => {
      const here = await watch(t, b, store.id);
      const elsewhere = await watch(t, b, other.id);
      const { order } = await a.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      t.ok(await until(() => here.events.length === 1), 'the placed order arrived');
      t.same(here.events[0], {
        type: 'order.placed',
        orderId: order.id,
        number: order.number,
        status: 'pending',
        customerName: 'Asha Rao',
        total: order.total,
        currency: 'INR',
        createdAt: order.createdAt,
        pending: 1,
      });
      t.notOk(JSON.stringify(here.events[0]).includes('9876543210'), 'no phone number');
      await a.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      t.ok(await until(() => here.events.length === 2), 'the status change arrived');
      t.match(here.events[1], { type: 'order.status_changed', orderId: order.id, status: 'accepted', pending: 0 });
      await new Promise((r) => setTimeout(r, 100));
      t.same(elsewhere.events, [], "another store's dashboard heard nothing");
    });

    await t.test('after unsubscribing nothing more arrives', async (t) => {
      const here = await watch(t, b, store.id);
      here.stop();
      here.stop(); // twice is harmless
      const late = await watch(t, a, store.id);
      await a.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      t.ok(await until(() => late.events.length === 1), 'a subscriber still there hears it');
      await new Promise((r) => setTimeout(r, 100));
      t.same(here.events, [], 'the one that left does not');
    });

    await t.test('a listener that throws does not stop the others', async (t) => {
      const heard: LiveOrderEvent[] = [];
      const stopBad = b.live.subscribe(store.id, () => {
        throw new Error('broken tab');
      });
      t.teardown(stopBad);
      const here = await watch(t, b, store.id);
      b.live.subscribe(store.id, (event) => heard.push(event))();
      await a.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      t.ok(await until(() => here.events.length === 1));
    });
  });
}

t.test('without a bus (noCache) events reach subscribers in this process', async (t) => {
  const variant = coreVariants()[0]!;
  const fixture = await variant.open({ cache: noCache() });
  t.teardown(() => fixture.close());
  const { dukaan } = fixture;
  const { store } = await openStore(dukaan);
  const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 5 });
  const here = await watch(t, dukaan, store.id);
  await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
  t.ok(await until(() => here.events.length === 1));
  t.match(here.events[0], { type: 'order.placed', pending: 1 });
});
