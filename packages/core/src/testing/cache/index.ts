import type { Test } from 'tap';
import { basic } from './basic.js';
import { counters } from './counters.js';
import { expiry } from './expiry.js';
import type { CacheFactory } from './fixture.js';
import { lifecycle } from './lifecycle.js';

export type { CacheFactory, CacheFixture } from './fixture.js';

/**
 * Proves a Cache adapter against the port's contract. `factory` returns a fresh, empty
 * cache for each test and a cleanup that disposes of it (even when the test closed it).
 */
export async function cacheConformance(t: Test, factory: CacheFactory): Promise<void> {
  await t.test('basic', async (t) => basic(t, factory));
  await t.test('expiry', async (t) => expiry(t, factory));
  await t.test('counters', async (t) => counters(t, factory));
  await t.test('lifecycle', async (t) => lifecycle(t, factory));
}
