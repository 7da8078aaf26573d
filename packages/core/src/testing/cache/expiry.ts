import type { Test } from 'tap';
import { eventually, sleep, withFixture, type CacheFactory } from './fixture.js';

/** Entries with a TTL disappear after it; entries without one stay. */
export function expiry(t: Test, factory: CacheFactory): void {
  withFixture(t, factory, 'an entry is there before its TTL and gone after it', async (t, { cache }) => {
    await cache.set('long', 'kept', 60_000);
    await cache.set('short', 'fleeting', 100);
    t.equal(await cache.get('long'), 'kept');
    const gone = await eventually(async () => (await cache.get('short')) === undefined, 2000);
    t.ok(gone, 'the short entry expires');
    t.equal(await cache.get('long'), 'kept', 'the long entry is untouched');
  });

  withFixture(t, factory, 'without a TTL an entry does not expire', async (t, { cache }) => {
    await cache.set('forever', 'here');
    await sleep(200);
    t.equal(await cache.get('forever'), 'here');
  });

  withFixture(t, factory, 'setting again without a TTL removes the old expiry', async (t, { cache }) => {
    await cache.set('k', 'first', 50);
    await cache.set('k', 'second');
    await sleep(200);
    t.equal(await cache.get('k'), 'second');
  });

  withFixture(t, factory, 'setting again with a TTL replaces a longer one', async (t, { cache }) => {
    await cache.set('k', 'first', 60_000);
    await cache.set('k', 'second', 100);
    const gone = await eventually(async () => (await cache.get('k')) === undefined, 2000);
    t.ok(gone);
  });
}
