import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { Circuit } from '../src/cache/circuit.js';
import { DurableWrites } from '../src/cache/durable-writes.js';
import type { Cache } from '../src/cache/ports.js';
import { resilientCache } from '../src/cache/resilient-ports.js';
import { StoreCache } from '../src/storefront/store-cache.js';

/** A cache that fails while `down` is set, hangs while `slow` is, and otherwise writes to a memory cache. */
function flaky() {
  const stores = keyvCache();
  const inner = stores.cache;
  const state = { down: false, slow: false };
  const gate = <T>(run: () => Promise<T>) =>
    state.slow ? new Promise<T>(() => {}) : state.down ? Promise.reject(new Error('ECONNREFUSED')) : run();
  const cache: Cache = {
    get: (key) => gate(() => inner.get(key)),
    set: (key, value, ttl) => gate(() => inner.set(key, value, ttl)),
    delete: (key) => gate(() => inner.delete(key)),
  };
  return { cache, inner: { get: inner.get, close: stores.close }, state };
}

const eventually = async (check: () => Promise<boolean>, ms = 3000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (await check()) return true;
  return check();
};

t.test('a write that fails is retried until the cache takes it; the newest write per key wins', async (t) => {
  const { cache, inner, state } = flaky();
  const writes = new DurableWrites(cache, { retryMs: 20, timeoutMs: 50 });
  t.teardown(() => { writes.close(); return inner.close(); });
  state.down = true;
  await writes.set('version', 'v1');
  await writes.set('version', 'v2');
  await writes.set('gone', 'x');
  await writes.delete('gone');
  t.equal(writes.pending, 2, 'kept, one per key');
  state.down = false;
  t.ok(await eventually(async () => (await inner.get('version')) === 'v2'), 'the newest value landed');
  t.equal(await inner.get('gone'), undefined);
  t.equal(writes.pending, 0);
});

t.test('a hanging cache does not hang the write', async (t) => {
  const { cache, inner, state } = flaky();
  const writes = new DurableWrites(cache, { retryMs: 20, timeoutMs: 30 });
  t.teardown(() => { writes.close(); return inner.close(); });
  state.slow = true;
  await writes.set('k', 'v');
  t.equal(writes.pending, 1);
  state.slow = false;
  t.ok(await eventually(async () => (await inner.get('k')) === 'v'));
});

t.test('an invalidation reaches the shared cache even while the circuit breaker skips reads', async (t) => {
  const { cache, inner, state } = flaky();
  const resilient = resilientCache(cache, new Circuit({ timeoutMs: 20, coolDownMs: 60_000 }));
  const writes = new DurableWrites(cache, { retryMs: 20 });
  const storeCache = new StoreCache({ cache: resilient, bus: null, writes }, { ttlMs: 60_000, localTtlMs: 0 });
  t.teardown(() => { writes.close(); return inner.close(); });
  const before = await storeCache.version('s1');
  // One slow answer trips the breaker for a minute...
  state.slow = true;
  await resilient.get('anything');
  state.slow = false;
  t.equal(await resilient.get('store:s1:version'), undefined, 'reads are now skipped');
  // ...yet the invalidation is written, so other instances stop serving the old version.
  await storeCache.invalidate('s1');
  const after = await inner.get<string>('store:s1:version');
  t.ok(after && after !== before, 'the new version is in the shared cache');
});

t.test('a stock change also reaches the shared cache past the breaker', async (t) => {
  const { cache, inner, state } = flaky();
  const resilient = resilientCache(cache, new Circuit({ timeoutMs: 20, coolDownMs: 60_000 }));
  const writes = new DurableWrites(cache, { retryMs: 20 });
  const storeCache = new StoreCache({ cache: resilient, bus: null, writes }, { ttlMs: 60_000, localTtlMs: 0 });
  t.teardown(() => { writes.close(); return inner.close(); });
  await storeCache.getOrLoad('s1', 'stock', async () => 1, { scope: 'stock' });
  const before = await inner.get<string>('store:s1:stock-version');
  state.slow = true;
  await resilient.get('anything');
  state.slow = false;
  await storeCache.invalidateStock('s1');
  const after = await inner.get<string>('store:s1:stock-version');
  t.ok(before && after && after !== before, 'the new stock version is in the shared cache');
});
