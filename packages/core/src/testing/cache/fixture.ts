import type { Test } from 'tap';
import type { Cache } from '../../cache/cache.js';

/** A fresh cache for one test and how to dispose of it (cleanup must accept an already closed cache). */
export interface CacheFixture {
  cache: Cache;
  cleanup(): Promise<void>;
}

/** Makes a fresh, empty cache; called once per test. */
export type CacheFactory = () => Promise<CacheFixture>;

/** Runs `body` as a subtest on a fresh cache that is cleaned up afterwards. */
export function withCache(t: Test, factory: CacheFactory, name: string, body: (t: Test, cache: Cache) => Promise<void>): void {
  t.test(name, async (t) => {
    const { cache, cleanup } = await factory();
    t.teardown(cleanup);
    await body(t, cache);
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 20 ms until it is true or `limitMs` passes; resolves whether it became true. */
export async function eventually(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(20);
  }
  return check();
}
