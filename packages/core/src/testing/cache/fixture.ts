import type { Test } from 'tap';
import type { Bus, Cache, CacheStores, Counters } from '../../cache/ports.js';

/** A fresh, empty Cache for one test (cleanup must accept an already closed one). */
export interface CacheFixture {
  cache: Cache;
  cleanup(): Promise<void>;
}
export type CacheFactory = () => Promise<CacheFixture>;

/** Fresh, empty Counters for one test. */
export interface CountersFixture {
  counters: Counters;
  cleanup(): Promise<void>;
}
export type CountersFactory = () => Promise<CountersFixture>;

/** A Bus and a peer: another handle on the same channels, as another instance would hold (may be the same object). */
export interface BusFixture {
  bus: Bus;
  peer: Bus;
  cleanup(): Promise<void>;
}
export type BusFactory = () => Promise<BusFixture>;

/** An adapter's whole bundle for one test. */
export interface CacheStoresFixture {
  stores: CacheStores;
  cleanup(): Promise<void>;
  /** Another bundle on the same storage, as another instance would open (the suite closes it); omitted when none can share it. */
  openPeer?(): CacheStores;
}
export type CacheStoresFactory = () => Promise<CacheStoresFixture>;

/** Runs `body` as a subtest on a fresh fixture that is cleaned up afterwards. */
export function withFixture<F extends { cleanup(): Promise<void> }>(
  t: Test,
  factory: () => Promise<F>,
  name: string,
  body: (t: Test, fixture: F) => Promise<void>,
): void {
  t.test(name, async (t) => {
    const fixture = await factory();
    t.teardown(() => fixture.cleanup());
    await body(t, fixture);
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
