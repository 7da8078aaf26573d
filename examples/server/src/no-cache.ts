import type { Cache } from '@dukaan-kit/core';

/**
 * A Cache that never keeps anything (`CACHE=off`): every read misses, so every request goes to
 * the database. For measuring the uncached path (bench/), not for production: rate-limit
 * counters never count past 1.
 */
export function noCache(): Cache {
  return {
    get: async () => undefined,
    set: async () => {},
    delete: async () => {},
    increment: async (_key, windowMs) => ({ count: 1, resetInMs: windowMs }),
    ping: async () => {},
    close: async () => {},
  };
}
