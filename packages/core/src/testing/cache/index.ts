import type { Test } from 'tap';
import { basic, keepsNothing } from './basic.js';
import { bus } from './bus.js';
import { counters } from './counters.js';
import { expiry } from './expiry.js';
import type { BusFactory, CacheFactory, CacheStoresFactory, CountersFactory } from './fixture.js';
import { lifecycle } from './lifecycle.js';

export type {
  BusFactory,
  BusFixture,
  CacheFactory,
  CacheFixture,
  CacheStoresFactory,
  CacheStoresFixture,
  CountersFactory,
  CountersFixture,
} from './fixture.js';

/**
 * Proves a Cache adapter against the port's contract. `factory` returns a fresh, empty cache
 * for each test and a cleanup that disposes of it. `keepsNothing` is for a cache that stores
 * nothing by design (every read misses): only that is checked.
 */
export async function cacheConformance(t: Test, factory: CacheFactory, options: { keepsNothing?: boolean } = {}): Promise<void> {
  if (options.keepsNothing) {
    await t.test('keeps nothing', async (t) => keepsNothing(t, factory));
    return;
  }
  await t.test('basic', async (t) => basic(t, factory));
  await t.test('expiry', async (t) => expiry(t, factory));
}

/** Proves a Counters adapter: fixed windows, atomic increments, decrement never below 0. */
export async function countersConformance(t: Test, factory: CountersFactory): Promise<void> {
  await t.test('counters', async (t) => counters(t, factory));
}

/** Proves a Bus adapter: delivery to every live subscriber of a channel, in order, until unsubscribed. */
export async function busConformance(t: Test, factory: BusFactory): Promise<void> {
  await t.test('bus', async (t) => bus(t, factory));
}

/**
 * Proves a whole CacheStores adapter: each port's suite on a fresh bundle per test (a null bus
 * skips the bus suite, and the bus is also tried against `openPeer`'s bundle), then ping and close.
 */
export async function cacheStoresConformance(t: Test, factory: CacheStoresFactory, options: { keepsNothing?: boolean } = {}): Promise<void> {
  await cacheConformance(t, async () => {
    const { stores, cleanup } = await factory();
    return { cache: stores.cache, cleanup };
  }, { keepsNothing: options.keepsNothing ?? false });
  await countersConformance(t, async () => {
    const { stores, cleanup } = await factory();
    return { counters: stores.counters, cleanup };
  });
  await busSuite(t, factory);
  await t.test('lifecycle', async (t) => lifecycle(t, factory));
}

async function busSuite(t: Test, factory: CacheStoresFactory): Promise<void> {
  const probe = await factory();
  const hasBus = probe.stores.bus !== null;
  await probe.cleanup();
  if (!hasBus) return;
  await busConformance(t, async () => {
    const { stores, cleanup, openPeer } = await factory();
    const peerStores = openPeer?.() ?? stores;
    if (!stores.bus || !peerStores.bus) throw new Error('the bundle lost its bus');
    return {
      bus: stores.bus,
      peer: peerStores.bus,
      async cleanup() {
        if (peerStores !== stores) await peerStores.close();
        await cleanup();
      },
    };
  });
}
