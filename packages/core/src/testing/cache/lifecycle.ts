import type { Test } from 'tap';
import { withCache, type CacheFactory } from './fixture.js';

/** ping answers on a live cache; close releases it. */
export function lifecycle(t: Test, factory: CacheFactory): void {
  withCache(t, factory, 'ping resolves on a live cache', async (t, cache) => {
    await t.resolves(cache.ping());
  });

  withCache(t, factory, 'close resolves', async (t, cache) => {
    await cache.set('k', 'v');
    await t.resolves(cache.close());
  });
}
