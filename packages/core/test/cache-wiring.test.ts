import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { wireCaching } from '../src/cache/wire-caching.js';
import { inProcessEventBus } from '../src/events.js';
import { defaultLocalMaxBytes } from '../src/storefront/local-entries.js';

/** A store view-sized value: about 100 KB of text in 100 products. */
function bigView(store: number) {
  return { store, products: Array.from({ length: 100 }, (_, k) => ({ id: `p${store}-${k}`, name: `Product ${k} ${'x'.repeat(1000)}` })) };
}

const wire = (localMaxBytes?: number) => {
  const stores = keyvCache({ memoryMaxBytes: 256 * 1024 * 1024 });
  return wireCaching(stores, { timeoutMs: 1000, storeTtlMs: 60_000, localTtlMs: 1000, ...(localMaxBytes !== undefined ? { localMaxBytes } : {}) }, inProcessEventBus());
};

t.test('the in-process layer is bounded by defaultLocalMaxBytes unless told otherwise', async (t) => {
  const caching = wire();
  t.teardown(() => caching.close());
  // A store's first read makes its versions up, which keeps nothing in process: read each twice.
  for (let i = 0; i < 200; i++) for (let k = 0; k < 2; k++) await caching.storeCache.getOrLoad(`s${i}`, 'catalogue', async () => bigView(i));
  const { bytes, entries } = caching.storeCache.localSize;
  t.ok(bytes <= defaultLocalMaxBytes, `${(bytes / 1048576).toFixed(1)} MB counted in process`);
  t.ok(bytes > defaultLocalMaxBytes / 2, 'and it is used');
  t.ok(entries < 400, `${entries} entries: the oldest stores' entries went`);
});

t.test('localMaxBytes sets the bound; entries evicted from it are read back whole from the shared cache', async (t) => {
  const caching = wire(2 * 1024 * 1024);
  t.teardown(() => caching.close());
  let loads = 0;
  for (let i = 0; i < 50; i++) for (let k = 0; k < 2; k++) await caching.storeCache.getOrLoad(`s${i}`, 'catalogue', async () => (loads++, bigView(i)));
  const { bytes, entries } = caching.storeCache.localSize;
  t.ok(bytes <= 2 * 1024 * 1024 && entries > 0 && entries < 50, `${bytes} bytes counted, ${entries} entries`);
  const first = await caching.storeCache.getOrLoad('s0', 'catalogue', async () => (loads++, bigView(0)));
  t.same(first, bigView(0), 'the evicted entry comes back equal');
  t.equal(loads, 50, 'from the shared cache, not reloaded');
});
