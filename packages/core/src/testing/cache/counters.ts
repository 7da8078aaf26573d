import type { Test } from 'tap';
import { eventually, withCache, type CacheFactory } from './fixture.js';

/** increment counts within a fixed window, resets after it, and is atomic. */
export function counters(t: Test, factory: CacheFactory): void {
  withCache(t, factory, 'increment counts from 1 within one window', async (t, cache) => {
    const first = await cache.increment('hits', 60_000);
    t.equal(first.count, 1);
    t.ok(first.resetInMs > 0 && first.resetInMs <= 60_000, 'resetInMs lies within the window');
    const second = await cache.increment('hits', 60_000);
    t.equal(second.count, 2);
    t.ok(second.resetInMs <= first.resetInMs, 'a later hit does not extend the window');
    t.equal((await cache.increment('hits', 60_000)).count, 3);
  });

  withCache(t, factory, 'counters are independent per key', async (t, cache) => {
    await cache.increment('a', 60_000);
    await cache.increment('a', 60_000);
    t.equal((await cache.increment('b', 60_000)).count, 1);
  });

  withCache(t, factory, 'a counter starts again after its window', async (t, cache) => {
    t.equal((await cache.increment('window', 100)).count, 1);
    const reset = await eventually(async () => (await cache.increment('window', 100)).count === 1, 2000);
    t.ok(reset, 'a later increment sees a fresh window');
  });

  withCache(t, factory, '50 concurrent increments give 1..50 exactly once', async (t, cache) => {
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.increment('burst', 60_000)));
    const counts = results.map((r) => r.count).sort((a, b) => a - b);
    t.same(counts, Array.from({ length: 50 }, (_, i) => i + 1));
  });

  withCache(t, factory, 'delete resets a counter', async (t, cache) => {
    await cache.increment('forget-me', 60_000);
    await cache.increment('forget-me', 60_000);
    await cache.delete('forget-me');
    t.equal((await cache.increment('forget-me', 60_000)).count, 1);
  });
}
