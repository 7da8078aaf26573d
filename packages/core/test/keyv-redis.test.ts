import { createClient } from '@keyv/redis';
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { cacheConformance, testServices, uniqueTestName } from '../src/testing/index.js';

/** Every key under the namespace, read with a separate client. */
async function namespaceKeys(redisUrl: string, namespace: string): Promise<string[]> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) keys.push(...batch);
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
  await cacheConformance(t, async () => {
    const namespace = uniqueTestName('t');
    const cache = keyvCache({ redisUrl, namespace });
    return {
      cache,
      async cleanup() {
        await cache.close();
        await deleteNamespace(redisUrl, namespace);
      },
    };
  });

  t.test('values and counters share the namespace prefix', async (t) => {
    const namespace = uniqueTestName('t');
    const cache = keyvCache({ redisUrl, namespace });
    t.teardown(async () => {
      await cache.close();
      await deleteNamespace(redisUrl, namespace);
    });
    await cache.set('page', { html: '<p>hi</p>' }, 60_000);
    await cache.increment('hits', 60_000);
    const keys = (await namespaceKeys(redisUrl, namespace)).sort();
    t.same(keys, [`${namespace}::hits`, `${namespace}::page`]);
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
    await a.set('k', 'from a');
    t.equal(await b.get('k'), 'from a');
    await b.delete('k');
    t.equal(await a.get('k'), undefined);
    await a.increment('c', 60_000);
    t.equal((await b.increment('c', 60_000)).count, 2);
  });
}
