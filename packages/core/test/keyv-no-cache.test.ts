import t from 'tap';
import { noCache } from '../src/adapters/keyv/index.js';
import { cacheStoresConformance } from '../src/testing/cache/index.js';

// The cache keeps nothing by design; its counters are real (attempt limits hold) and it has no bus.
await cacheStoresConformance(t, async () => {
  const stores = noCache();
  return { stores, cleanup: () => stores.close() };
}, { keepsNothing: true });

t.test('noCache has no bus', async (t) => {
  t.equal(noCache().bus, null);
});
