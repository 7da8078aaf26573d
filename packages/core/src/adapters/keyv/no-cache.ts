import type { CacheStores } from '../../cache/ports.js';
import { MemoryCounters } from './memory-counters.js';

/**
 * Stores whose cache keeps nothing (`CACHE=off`): every read misses, so every request goes to
 * the database. For measuring the uncached path (bench/). Counters still count, in process,
 * so attempt limits hold on a single instance; there is no bus (nothing to keep coherent).
 */
export function noCache(): CacheStores {
  const counters = new MemoryCounters();
  return {
    cache: {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
    },
    counters: {
      increment: async (key, windowMs) => counters.increment(key, windowMs),
      decrement: async (key) => counters.decrement(key),
    },
    bus: null,
    ping: async () => {},
    close: async () => counters.clear(),
  };
}
