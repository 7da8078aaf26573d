import type { EventBus } from '../events.js';
import { subscribeStoreInvalidation } from '../storefront/invalidation.js';
import { defaultLocalMaxBytes } from '../storefront/local-entries.js';
import { StoreCache } from '../storefront/store-cache.js';
import { Circuit } from './circuit.js';
import { DurableWrites } from './durable-writes.js';
import type { Cache, CacheStores, Counters } from './ports.js';
import { cacheProbe, resilientBus, resilientCache, resilientCounters, type CacheProbe } from './resilient-ports.js';

export interface CachingOptions {
  /** Bound on each cache read, write and publish before it counts as a miss (createDukaan's default: 50 ms). */
  timeoutMs: number;
  /** Time-driven expiry of cached store entries, the net behind event-driven invalidation. */
  storeTtlMs: number;
  /** How long an instance trusts its in-process copy of a store's versions (0: never); bounds stock staleness. */
  localTtlMs: number;
  /** Bound on the in-process layer of store entries, in bytes as entryBytes counts them (default defaultLocalMaxBytes). */
  localMaxBytes?: number;
  /** Told about cache failures (which never fail a request). */
  onError?: (error: unknown, operation: string) => void;
  /** Bound on each counter call (default 500 ms): the limits must hold on a busy machine. */
  countersTimeoutMs?: number;
  /** Bound on the readiness ping (default 1000 ms: one slow reply must not fail readiness). */
  pingTimeoutMs?: number;
  /** After a failed call, calls skip the cache for this long (default 1000 ms). */
  coolDownMs?: number;
}

/** The cache ports as use cases get them: bounded, degrading, and the store cache on top. */
export interface Caching {
  /** Never throws or hangs: an outage is a miss. */
  cache: Cache;
  /** Never throws or hangs, but tells an outage from a miss (for checks that must fail closed). */
  probe: CacheProbe;
  /** Fails open: an outage counts 0. */
  counters: Counters;
  storeCache: StoreCache;
  /** For writes other instances depend on (invalidations, revocations): retried past the breaker until taken. */
  durableWrites: DurableWrites;
  /** Resolves when the cache answers within the ping bound; rejects otherwise. */
  ping(): Promise<void>;
  /** Stops listening (events and bus), stops retrying, closes the stores. */
  close(): Promise<void>;
}

/**
 * Wraps an adapter's stores for the core. Every call crosses exactly one bound: the circuit's
 * per-call timeout for reads, writes and counters, a longer one for the readiness ping, and
 * DurableWrites' own for invalidations (which go to the raw cache, past the breaker).
 */
export function wireCaching(stores: CacheStores, options: CachingOptions, events: EventBus): Caching {
  const circuit = new Circuit({
    timeoutMs: options.timeoutMs,
    ...(options.coolDownMs !== undefined ? { coolDownMs: options.coolDownMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const cache = resilientCache(stores.cache, circuit);
  const durableWrites = new DurableWrites(stores.cache, options.onError ? { onError: options.onError } : {});
  const storeCache = new StoreCache(
    { cache, bus: stores.bus ? resilientBus(stores.bus, circuit) : null, writes: durableWrites },
    { ttlMs: options.storeTtlMs, localTtlMs: options.localTtlMs, localMaxBytes: options.localMaxBytes ?? defaultLocalMaxBytes },
  );
  const unsubscribe = subscribeStoreInvalidation(events, storeCache);
  const stopListening = storeCache.listen();
  const pingTimeoutMs = options.pingTimeoutMs ?? 1000;
  let closed: Promise<void> | undefined;
  return {
    cache,
    probe: cacheProbe(stores.cache, circuit),
    counters: resilientCounters(stores.counters, circuit, options.countersTimeoutMs),
    storeCache,
    durableWrites,
    ping: () => circuit.attempt('ping', () => stores.ping(), pingTimeoutMs),
    close() {
      closed ??= (async () => {
        unsubscribe();
        stopListening();
        durableWrites.close();
        await stores.close();
      })();
      return closed;
    },
  };
}
