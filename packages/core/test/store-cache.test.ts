import t from 'tap';
import type { Cache } from '../src/index.js';
import { StoreCache } from '../src/index.js';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

/** Counts the calls that reach the shared cache, as the round trips a request would pay. */
function counting(inner: Cache) {
  const counter = { calls: 0 };
  const cache: Cache = {
    get: (key) => (counter.calls++, inner.get(key)),
    set: (key, value, ttl) => (counter.calls++, inner.set(key, value, ttl)),
    delete: (key) => (counter.calls++, inner.delete(key)),
    increment: (key, window) => (counter.calls++, inner.increment(key, window)),
    ping: () => inner.ping(),
    close: () => inner.close(),
    ...(inner.bus ? { bus: inner.bus } : {}),
  };
  return { cache, counter };
}

const until = async (check: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 10));
  return check();
};

const { redisUrl } = testServices();
const variants: Array<[string, () => [Cache, Cache]]> = [
  ['memory', () => { const shared = keyvCache(); return [shared, shared]; }],
];
if (redisUrl) {
  variants.push(['redis', () => {
    const namespace = uniqueTestName('sc');
    return [keyvCache({ redisUrl, namespace }), keyvCache({ redisUrl, namespace })];
  }]);
}

for (const [name, open] of variants) {
  t.test(name, async (t) => {
    const [cacheA, cacheB] = open();
    const a = counting(cacheA);
    const b = counting(cacheB);
    const storeA = new StoreCache(a.cache, { ttlMs: 60_000 });
    const storeB = new StoreCache(b.cache, { ttlMs: 60_000 });
    const stops = [storeA.listen(), storeB.listen()];
    t.teardown(async () => {
      stops.forEach((stop) => stop());
      await cacheA.close();
      await cacheB.close();
    });
    // The subscriptions are live once a broadcast goes round.
    await storeA.invalidate('warm-up');
    t.ok(await until(() => (storeB as unknown as { version(id: string): Promise<string> }) !== null), 'subscribed');
    await new Promise((r) => setTimeout(r, 100));

    t.test('a warm hit costs no shared-cache round trip', async (t) => {
      let loads = 0;
      const load = async () => ({ n: ++loads });
      t.same(await storeB.getOrLoad('s1', 'view', load), { n: 1 });
      // The first read made the store's version up; the next one confirms it in the shared cache.
      t.same(await storeB.getOrLoad('s1', 'view', load), { n: 1 });
      b.counter.calls = 0;
      for (let i = 0; i < 10; i++) t.same(await storeB.getOrLoad('s1', 'view', load), { n: 1 });
      t.equal(b.counter.calls, 0, 'served from process memory');
      t.equal(loads, 1);
    });

    t.test('a change through A is seen by B on its next read', async (t) => {
      let price = 100;
      const load = async () => ({ price });
      t.same(await storeB.getOrLoad('s2', 'view', load), { price: 100 });
      for (const next of [150, 175, 200]) {
        price = next;
        await storeA.invalidate('s2');
        t.same(await storeB.getOrLoad('s2', 'view', load), { price: next }, `B sees ${next} at once`);
      }
    });

    t.test('slug lookups are dropped everywhere when a store says so', async (t) => {
      let target: string | false = false;
      const load = async () => target;
      t.equal(await storeB.slug('new-shop', load, () => 60_000), false, 'unknown at first');
      target = 'store-9';
      await storeA.invalidate('store-9', ['new-shop']);
      t.equal(await storeB.slug('new-shop', load, () => 60_000), 'store-9');
    });
  });
}

t.test('a cache that keeps nothing does not fill process memory with unreachable entries', async (t) => {
  const forgetful: Cache = {
    get: async () => undefined,
    set: async () => {},
    delete: async () => {},
    increment: async (_key, windowMs) => ({ count: 1, resetInMs: windowMs }),
    ping: async () => {},
    close: async () => {},
  };
  const store = new StoreCache(forgetful, { ttlMs: 60_000 });
  let loads = 0;
  for (let i = 0; i < 5; i++) await store.getOrLoad('s', 'view', async () => ++loads);
  t.equal(loads, 5, 'every read loads: nothing is cached anywhere');
});
