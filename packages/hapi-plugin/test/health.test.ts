import t from 'tap';
import type { CacheStores } from '@dukaan-kit/core';
import { brokenCache, cacheStoresOf, json } from './support/api.js';
import { serverVariants } from './support/server.js';

/** A cache that never answers, as when Redis is unreachable behind a silent firewall. */
function hangingCache(): CacheStores {
  return cacheStoresOf(() => new Promise<never>(() => {}));
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('/healthz answers 200 while the process runs; /readyz 200 while the database and cache answer', async (t) => {
      const health = await server.inject('/healthz');
      t.equal(health.statusCode, 200);
      t.same(json(health), { status: 'ok' });
      const ready = await server.inject('/readyz');
      t.equal(ready.statusCode, 200);
      t.same(json(ready), { status: 'ready' });
      t.equal((await server.inject({ url: '/readyz', headers: { cookie: 'dukaan_session=forged' } })).statusCode, 200, 'no auth involved');
    });

    t.test('/readyz is 503 with the cache down or silent, naming which, while /healthz stays 200', async (t) => {
      for (const cache of [brokenCache(), hangingCache()]) {
        const degraded = await fixture.sibling({ cache });
        const ready = await degraded.server.inject('/readyz');
        t.equal(ready.statusCode, 503);
        t.match(json(ready), { status: 'unavailable', reason: 'cache unavailable' });
        t.notMatch(ready.payload, /ECONNREFUSED|6379|timed out/, 'no internals');
        t.equal((await degraded.server.inject('/healthz')).statusCode, 200);
      }
    });

    t.test('/readyz is 503 with the database gone, and 200 again once it is back', async (t) => {
      await fixture.knex.destroy();
      try {
        const ready = await server.inject('/readyz');
        t.equal(ready.statusCode, 503);
        t.match(json(ready), { status: 'unavailable', reason: 'database unavailable' });
        t.equal((await server.inject('/healthz')).statusCode, 200);
      } finally {
        fixture.knex.initialize();
      }
      t.equal((await server.inject('/readyz')).statusCode, 200);
    });
  });
}
