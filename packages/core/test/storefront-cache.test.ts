import t from 'tap';
import type { Cache } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

/** A cache whose every call fails, as a dead Redis would after the connection drops. */
const brokenCache: Cache = {
  get: () => Promise.reject(new Error('ECONNREFUSED')),
  set: () => Promise.reject(new Error('ECONNREFUSED')),
  delete: () => Promise.reject(new Error('ECONNREFUSED')),
  increment: () => Promise.reject(new Error('ECONNREFUSED')),
  ping: () => Promise.reject(new Error('ECONNREFUSED')),
  close: () => Promise.resolve(),
};

/** A cache that never answers, as node-redis would with its offline queue on. */
const hangingCache: Cache = {
  get: () => new Promise(() => {}),
  set: () => new Promise(() => {}),
  delete: () => new Promise(() => {}),
  increment: () => new Promise(() => {}),
  ping: () => new Promise(() => {}),
  close: () => Promise.resolve(),
};

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('a cached store view costs no database query', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000 });
      const first = await dukaan.storefront.view(store.slug);
      fixture.queries.reset();
      const second = await dukaan.storefront.view(store.slug);
      t.equal(fixture.queries.count, 0, 'served from the cache');
      t.same(second, first);
    });

    t.test('an update through one instance is seen at once by another sharing the cache', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000 });
      const b = fixture.secondInstance();
      t.equal((await b.storefront.view(store.slug)).view.products[0]?.price, 1000, 'B has it cached');
      await dukaan.catalog.updateProduct(store.id, p.id, { price: 1500 });
      t.equal((await b.storefront.view(store.slug)).view.products[0]?.price, 1500, 'B sees the new price');
      await b.vendors.updateStore(store.id, { name: 'Renamed on B' });
      t.equal((await dukaan.storefront.view(store.slug)).view.store.name, 'Renamed on B', 'and the other way round');
      await dukaan.catalog.updateProduct(store.id, p.id, { active: false });
      t.same((await b.storefront.view(store.slug)).view.products, [], 'hiding removes it from the page');
    });

    t.test('selling the last unit shows the product sold out at once', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Last', price: 1000, stock: 1 });
      t.equal((await dukaan.storefront.view(store.slug)).view.products[0]?.inStock, true);
      await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
      t.equal((await dukaan.storefront.view(store.slug)).view.products[0]?.inStock, false);
    });

    t.test('a load that began before an update cannot write stale data back', async (t) => {
      const { store } = await openStore(dukaan);
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const stale = dukaan.storefront.cached(store.id, 'late', async () => {
        await gate;
        return 'stale';
      });
      await dukaan.context.storeCache.invalidate(store.id);
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

    for (const [name, cache] of [['failing', brokenCache], ['hanging', hangingCache]] as const) {
      t.test(`a ${name} cache degrades to the database, never to an error`, async (t) => {
        const { store } = await openStore(dukaan);
        await dukaan.catalog.createProduct(store.id, { name: 'Still here', price: 1000 });
        const { createDukaan } = await import('../src/index.js');
        const degraded = createDukaan({ persistence: dukaan.context.persistence, cache, cacheTimeoutMs: 30 });
        const { view } = await degraded.storefront.view(store.slug);
        t.equal(view.products[0]?.name, 'Still here');
        await degraded.catalog.createProduct(store.id, { name: 'Added while down', price: 1 });
        t.equal((await degraded.storefront.view(store.slug)).view.products.length, 2);
        await degraded.rateLimiter.hit('login:someone', 1);
        await degraded.rateLimiter.hit('login:someone', 1);
        t.pass('rate limits fail open');
        await t.rejects(degraded.ready(), /cache unavailable/, 'readiness reports it');
      });
    }
  });
}
