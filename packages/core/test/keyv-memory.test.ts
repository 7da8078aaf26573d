import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { boundedMemoryStore } from '../src/adapters/keyv/memory-store.js';
import { cacheStoresConformance } from '../src/testing/cache/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await cacheStoresConformance(t, async () => {
  const stores = keyvCache();
  return { stores, cleanup: () => stores.close() };
});

t.test('a closed cache rejects instead of reopening', async (t) => {
  const stores = keyvCache();
  await stores.close();
  await t.rejects(stores.cache.get('k'));
  await t.rejects(stores.counters.increment('k', 1000));
});

t.test('a non-positive TTL or window is a programmer mistake', async (t) => {
  const { cache, counters, close } = keyvCache();
  t.teardown(close);
  await t.rejects(cache.set('k', 1, 0), TypeError);
  await t.rejects(counters.increment('k', -5), TypeError);
});

t.test('instances do not share memory', async (t) => {
  const a = keyvCache();
  const b = keyvCache();
  t.teardown(async () => { await a.close(); await b.close(); });
  await a.cache.set('k', 'a');
  t.equal(await b.cache.get('k'), undefined);
});

t.test('values and counters are separate key spaces', async (t) => {
  const { cache, counters, close } = keyvCache();
  t.teardown(close);
  await cache.set('same', 'value');
  t.equal((await counters.increment('same', 60_000)).count, 1);
  await counters.decrement('same');
  await cache.delete('same');
  t.equal((await counters.increment('same', 60_000)).count, 1, 'deleting the value left the counter');
});

t.test('the memory store stays within its byte bound however many keys arrive', async (t) => {
  const maxBytes = 256 * 1024;
  const store = boundedMemoryStore({ maxBytes });
  const page = 'x'.repeat(12 * 1024);
  for (let i = 0; i < 2000; i++) store.set(`page:host-${i}.example`, page, 60_000);
  t.ok(store.usage.bytes <= maxBytes, `${store.usage.bytes} bytes held`);
  t.ok(store.usage.entries <= 21, `${store.usage.entries} entries of 12 KB held of 2000 written`);
  t.equal(store.get('page:host-1999.example'), page, 'the newest entry is there');
  t.equal(store.get('page:host-0.example'), undefined, 'the oldest went first');
});

t.test('keyvCache in memory honours memoryMaxBytes', async (t) => {
  const { cache, close } = keyvCache({ memoryMaxBytes: 64 * 1024 });
  t.teardown(close);
  for (let i = 0; i < 500; i++) await cache.set(`k${i}`, { html: 'y'.repeat(2000) }, 60_000);
  let kept = 0;
  for (let i = 0; i < 500; i++) if ((await cache.get(`k${i}`)) !== undefined) kept += 1;
  t.ok(kept > 0 && kept <= 32, `${kept} of 500 kept (about 2 KB each in 64 KB)`);
});

t.test('expired entries are dropped without being read', async (t) => {
  const store = boundedMemoryStore({ maxBytes: 1024 * 1024 });
  for (let i = 0; i < 100; i++) store.set(`short:${i}`, 'v', 30);
  store.set('long', 'v', 60_000);
  store.set('forever', 'v');
  t.equal(store.usage.entries, 102);
  await sleep(150);
  t.equal(store.usage.entries, 2, 'only the live entries remain, nothing having read the others');
});

t.test('setting again without a TTL removes the old expiry in the store itself', async (t) => {
  const store = boundedMemoryStore({ maxBytes: 1024 * 1024 });
  store.set('k', 'first', 30);
  store.set('k', 'second');
  await sleep(100);
  t.equal(store.get('k'), 'second');
});

t.test('what the memory cache holds in the heap is about what it counts against memoryMaxBytes', async (t) => {
  // Keyv serializes by appending pieces; held as given, each value was a tree of small strings
  // costing about fifteen bytes a character, several times the bound.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const used = () => {
    gc();
    gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const maxBytes = 4 * 1024 * 1024;
  const { cache, close } = keyvCache({ memoryMaxBytes: maxBytes });
  t.teardown(close);
  const view = (i: number) => ({
    store: { id: `s${i}`, name: `Store ${i}` },
    products: Array.from({ length: 100 }, (_, k) => ({ id: `p${i}-${k}`, name: `Masala chai ${k}`, price: 4900 + k, stock: 1000, inStock: true, options: { Weight: '250 g' }, images: [`/media/${i}-${k}-a.jpg`, `/media/${i}-${k}-b.jpg`] })),
  });
  // The LRU's own arrays (sized by its entry bound, made on the first write with a TTL) are a
  // fixed cost, not what the bound is about: made before the measurement.
  await cache.set('warm-up', 1, 60_000);
  const before = used();
  for (let i = 0; i < 200; i++) await cache.set(`store:${i}:entry:catalogue`, { tag: 'a.b', value: view(i) }, 60_000);
  const grown = used() - before;
  t.ok(grown <= maxBytes * 1.3, `the heap grew ${(grown / 1048576).toFixed(1)} MB for a ${maxBytes / 1048576} MB bound`);
  t.same(await cache.get('store:199:entry:catalogue'), { tag: 'a.b', value: view(199) }, 'the newest entry reads back whole');
});

t.test('values read back exactly, multi-byte text included', async (t) => {
  const store = boundedMemoryStore({ maxBytes: 1024 * 1024 });
  const text = '{"name":"Masala chai — ₹49","emoji":"🍵","nul":"\u0000"}';
  store.set('k', text, 60_000);
  t.equal(store.get('k'), text);
  t.ok(store.usage.bytes >= Buffer.byteLength(text), 'counted at least its UTF-8 bytes');
});
