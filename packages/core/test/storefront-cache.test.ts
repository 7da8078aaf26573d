import t from 'tap';
import type { CacheStores } from '../src/cache/ports.js';
import { createDukaan, UnauthenticatedError, type Dukaan } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

/** Stores whose every call settles as `call` says: rejecting, as a dead Redis would, or never, as a hung one. */
function deadStores(call: () => Promise<never>): CacheStores {
  return {
    cache: { get: call, set: call, delete: call },
    counters: { increment: call, decrement: call },
    bus: { publish: call, subscribe: (_channel, _onMessage, onLive) => (onLive(false), () => {}) },
    ping: call,
    close: () => Promise.resolve(),
  };
}
const brokenStores = () => deadStores(() => Promise.reject(new Error('ECONNREFUSED')));
const hangingStores = () => deadStores(() => new Promise<never>(() => {}));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first product's stock as the store page shows it. */
async function shownStock(dukaan: Dukaan, slug: string): Promise<number | null | undefined> {
  return (await dukaan.storefront.view(slug)).view.products[0]?.stock;
}

/** Polls until the page shows `expected` (bounded); resolves how long that took, or -1. */
async function untilShown(dukaan: Dukaan, slug: string, expected: number, limitMs = 3000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await shownStock(dukaan, slug)) === expected) return Date.now() - started;
    await sleep(20);
  }
  return -1;
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    // These tests are about versions and invalidation, not bounds: on a loaded machine a 50 ms
    // Redis bound trips the breaker and every read becomes a miss (the hanging-cache test below
    // sets its own bound).
    const fixture = await variant.open({ cacheTimeoutMs: 1000 });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('a cached store view costs no database query', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000 });
      fixture.queries.reset();
      const first = await dukaan.storefront.view(store.slug);
      t.equal(fixture.queries.count, 5, 'a cold view resolves the slug, then reads the store, its categories, its products and their variants once (side by side): stock comes with them');
      await dukaan.storefront.view(store.slug);
      fixture.queries.reset();
      const warm = await dukaan.storefront.view(store.slug);
      t.equal(fixture.queries.count, 0, 'served from the cache');
      t.same(warm, first);
    });

    t.test("the store page's offers by the store's id cost one query and no slug lookup", async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.coupons.create(store.id, { code: 'PCT', type: 'percent', value: 15, maxDiscount: 20000 });
      await dukaan.coupons.create(store.id, { code: 'PAUSED', type: 'flat', value: 100, active: false });
      const other = await openStore(dukaan);
      await dukaan.coupons.create(other.store.id, { code: 'ELSEWHERE', type: 'flat', value: 100 });
      fixture.queries.reset();
      const offers = await dukaan.coupons.currentOffersOfStore(store.id);
      t.equal(fixture.queries.count, 1, 'the coupons only');
      t.same(offers, await dukaan.coupons.currentOffers(store.slug), 'what the slug gives');
      t.same(offers.map((o) => o.code), ['PCT'], 'live coupons of this store only');
      t.same(await dukaan.coupons.currentOffersOfStore('no-such-store'), [], 'an unknown id has none');
    });

    t.test('an update through one instance is seen at once by another sharing the cache', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000 });
      const b = fixture.secondInstance();
      t.equal((await b.storefront.view(store.slug)).view.products[0]?.price, 1000, 'B has it cached');
      await dukaan.catalog.updateProduct(store.id, p.id, { price: 1500 });
      t.equal((await b.storefront.view(store.slug)).view.products[0]?.price, 1500, 'B sees the new price');
      await b.stores.update(store.id, { name: 'Renamed on B' });
      t.equal((await dukaan.storefront.view(store.slug)).view.store.name, 'Renamed on B', 'and the other way round');
      await dukaan.catalog.updateProduct(store.id, p.id, { active: false });
      t.same((await b.storefront.view(store.slug)).view.products, [], 'hiding removes it from the page');
    });

    t.test('selling the last unit shows the product sold out within the local TTL', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Last', price: 1000, stock: 1 });
      t.equal((await dukaan.storefront.view(store.slug)).view.products[0]?.inStock, true);
      await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
      t.ok((await untilShown(dukaan, store.slug, 0)) >= 0, 'shows 0 left');
      t.equal((await dukaan.storefront.view(store.slug)).view.products[0]?.inStock, false);
    });

    t.test('shown stock follows orders, cancels and edits within the local TTL; the catalogue stays cached', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 5 });
      const b = fixture.secondInstance();
      t.equal(await shownStock(dukaan, store.slug), 5);
      t.equal(await shownStock(b, store.slug), 5);
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 4 }]));
      fixture.queries.reset();
      const took = await untilShown(dukaan, store.slug, 1);
      t.ok(took >= 0 && took <= 1500, `this instance shows 1 left after ${took} ms`);
      t.equal(fixture.queries.count, 1, 'one query (the stock levels): the catalogue was not reloaded');
      const tookB = await untilShown(b, store.slug, 1);
      t.ok(tookB >= 0 && tookB <= 1500, `another instance shows 1 left after ${tookB} ms`);

      await dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled' });
      t.ok((await untilShown(b, store.slug, 5)) >= 0, 'a cancel gives the 4 back on the page');
      await dukaan.catalog.adjustStock(store.id, p.id, { delta: -2 });
      t.ok((await untilShown(b, store.slug, 3)) >= 0, 'a stock adjustment shows');
    });

    t.test('a cached page is re-rendered about once per second under a stream of orders', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Busy', price: 100, stock: 100_000 });
      let renders = 0;
      const page = () => dukaan.storefront.cached(store.id, 'page:test', async () => ++renders);
      await page();
      await page();
      renders = 0;
      const started = Date.now();
      let orders = 0;
      while (Date.now() - started < 2500) {
        await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
        orders += 1;
        for (let i = 0; i < 5; i++) await page();
      }
      t.ok(orders > 5, `${orders} orders placed`);
      t.ok(renders >= 1 && renders <= 5, `${renders} renders in 2.5 s of orders`);
    });

    t.test('a load that began before an update cannot write stale data back', async (t) => {
      const { store } = await openStore(dukaan);
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const stale = dukaan.storefront.cached(store.id, 'late', async () => {
        await gate;
        return 'stale';
      });
      await dukaan.catalog.createCategory(store.id, { name: 'Changed meanwhile' });
      release();
      t.equal(await stale, 'stale', 'the slow caller gets what it loaded');
      const fresh = await dukaan.storefront.cached(store.id, 'late', async () => 'fresh');
      t.equal(fresh, 'fresh', 'but later readers never see it: it landed under a dead version');
    });

    t.test('concurrent misses on one key cause one load', async (t) => {
      const { store } = await openStore(dukaan);
      let loads = 0;
      const values = await Promise.all(
        Array.from({ length: 20 }, () =>
          dukaan.storefront.cached(store.id, 'once', async () => {
            loads += 1;
            await new Promise((r) => setTimeout(r, 20));
            return loads;
          }),
        ),
      );
      t.equal(loads, 1);
      t.same(new Set(values), new Set([1]));
    });

    for (const [name, makeStores] of [['failing', brokenStores], ['hanging', hangingStores]] as const) {
      t.test(`a ${name} cache degrades to the database, never to an error`, async (t) => {
        const { store, vendor } = await openStore(dukaan);
        await dukaan.catalog.createProduct(store.id, { name: 'Still here', price: 1000 });
        const degraded = createDukaan({
          persistence: fixture.persistence,
          outbox: { enabled: false },
          cache: makeStores(),
          cacheTimeoutMs: 30,
          limits: { login: 1 },
          sessionSweepIntervalMs: 0,
        });
        t.teardown(() => degraded.close());
        const { view } = await degraded.storefront.view(store.slug);
        t.equal(view.products[0]?.name, 'Still here');
        await degraded.catalog.createProduct(store.id, { name: 'Added while down', price: 1 });
        t.equal((await degraded.storefront.view(store.slug)).view.products.length, 2);
        for (let i = 0; i < 3; i++) {
          await t.rejects(degraded.vendors.logIn({ email: vendor.email, password: 'wrong password' }, { clientAddress: '192.0.2.7' }), UnauthenticatedError);
        }
        t.pass('attempt limits fail open: every try was checked, none refused as too many');
        await t.rejects(degraded.ready(), /cache unavailable/, 'readiness reports it');
      });
    }
  });
}
