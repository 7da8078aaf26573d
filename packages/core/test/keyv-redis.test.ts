import { createClient } from '@keyv/redis';
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { cacheStoresConformance } from '../src/testing/cache/index.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

/** Every key under the namespace (values `ns::…`, counters `ns:counters::…`), read with a separate client. */
async function namespaceKeys(redisUrl: string, namespace: string): Promise<string[]> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) keys.push(...batch);
    return keys;
  } finally {
    client.destroy();
  }
}

async function deleteNamespace(redisUrl: string, namespace: string): Promise<void> {
  const keys = await namespaceKeys(redisUrl, namespace);
  if (keys.length === 0) return;
  const client = createClient({ url: redisUrl });
  await client.connect();
  await client.del(keys);
  client.destroy();
}

const { redisUrl } = testServices();
if (redisUrl === null) {
  t.plan(0, 'Redis not configured');
} else {
  await cacheStoresConformance(t, async () => {
    const namespace = uniqueTestName('t');
    const stores = keyvCache({ redisUrl, namespace });
    return {
      stores,
      openPeer: () => keyvCache({ redisUrl, namespace }),
      async cleanup() {
        await stores.close();
        await deleteNamespace(redisUrl, namespace);
      },
    };
  });

  t.test('values and counters live under the namespace, in separate key spaces', async (t) => {
    const namespace = uniqueTestName('t');
    const { cache, counters, close } = keyvCache({ redisUrl, namespace });
    t.teardown(async () => {
      await close();
      await deleteNamespace(redisUrl, namespace);
    });
    await cache.set('page', { html: '<p>hi</p>' }, 60_000);
    await counters.increment('hits', 60_000);
    await counters.increment('page', 60_000);
    const keys = (await namespaceKeys(redisUrl, namespace)).sort();
    t.same(keys, [`${namespace}:counters::hits`, `${namespace}:counters::page`, `${namespace}::page`].sort());
    t.same(await cache.get('page'), { html: '<p>hi</p>' }, 'a counter of the same name left the value alone');
  });

  t.test('two instances on one namespace see each other', async (t) => {
    const namespace = uniqueTestName('t');
    const a = keyvCache({ redisUrl, namespace });
    const b = keyvCache({ redisUrl, namespace });
    t.teardown(async () => {
      await a.close();
      await b.close();
      await deleteNamespace(redisUrl, namespace);
    });
    await a.cache.set('k', 'from a');
    t.equal(await b.cache.get('k'), 'from a');
    await b.cache.delete('k');
    t.equal(await a.cache.get('k'), undefined);
    await a.counters.increment('c', 60_000);
    t.equal((await b.counters.increment('c', 60_000)).count, 2);
    await b.counters.decrement('c');
    t.equal((await a.counters.increment('c', 60_000)).count, 2);
  });

  t.test('a closed cache rejects instead of reopening', async (t) => {
    const stores = keyvCache({ redisUrl, namespace: uniqueTestName('t') });
    await stores.close();
    await t.rejects(stores.cache.get('k'));
    await t.rejects(stores.ping());
  });
}
