import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { cacheConformance } from '../src/testing/index.js';

await cacheConformance(t, async () => {
  const cache = keyvCache();
  return { cache, cleanup: () => cache.close() };
});

t.test('a closed cache rejects instead of reopening', async (t) => {
  const cache = keyvCache();
  await cache.close();
  await t.rejects(cache.get('k'));
  await t.resolves(cache.close(), 'closing twice is harmless');
});

t.test('a non-positive TTL or window is a programmer mistake', async (t) => {
  const cache = keyvCache();
  t.teardown(() => cache.close());
  await t.rejects(cache.set('k', 1, 0), TypeError);
  await t.rejects(cache.increment('k', -5), TypeError);
});

t.test('instances do not share memory', async (t) => {
  const a = keyvCache();
  const b = keyvCache();
  t.teardown(async () => { await a.close(); await b.close(); });
  await a.set('k', 'a');
  t.equal(await b.get('k'), undefined);
});
