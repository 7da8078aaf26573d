import type { Test } from 'tap';
import { withFixture, type CacheStoresFactory } from './fixture.js';

/** ping answers on live stores; close releases them, and twice is harmless. */
export function lifecycle(t: Test, factory: CacheStoresFactory): void {
  withFixture(t, factory, 'ping resolves on live stores', async (t, { stores }) => {
    await t.resolves(stores.ping());
  });

  withFixture(t, factory, 'close resolves, twice too', async (t, { stores }) => {
    await stores.cache.set('k', 'v');
    await t.resolves(stores.close());
    await t.resolves(stores.close(), 'closing twice is harmless');
  });
}
