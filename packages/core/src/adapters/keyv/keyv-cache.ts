import type { CacheStores, Counters } from '../../cache/ports.js';
import type { Backend } from './backend.js';
import { memoryBackend } from './memory-backend.js';
import { redisBackend } from './redis-backend.js';

/** Where keyvCache keeps its entries. */
export interface KeyvCacheOptions {
  /** Redis to share entries between instances; omitted means in-process memory. */
  redisUrl?: string;
  /** Prefix of every key, as `{namespace}::{key}` (default 'dukaan'). */
  namespace?: string;
  /**
   * In-process memory only: bound on the estimated bytes held (default 64 MiB); the least
   * recently used entries go first, and expired ones are dropped without waiting for a read.
   */
  memoryMaxBytes?: number;
}

/**
 * The cache ports on Keyv: in-process memory by default, Redis (shared by every instance) with
 * `redisUrl`. Calls are not bounded here: core bounds each one once (see wireCaching); Redis
 * commands fail at once while disconnected rather than queueing.
 */
export function keyvCache(options: KeyvCacheOptions = {}): CacheStores {
  const namespace = options.namespace ?? 'dukaan';
  const backend = options.redisUrl
    ? redisBackend(options.redisUrl, namespace)
    : memoryBackend(namespace, options.memoryMaxBytes ?? 64 * 1024 * 1024);
  let closed = false;

  // A closed cache must not reach Keyv, not even a call that was waiting for the first
  // connection: @keyv/redis would quietly open a new connection that nobody closes.
  const run = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error(`cache ${operation} after close`);
    await backend.ready();
    if (closed) throw new Error(`cache ${operation} after close`);
    return work();
  };
  const counters: Counters = {
    increment: (key, windowMs) => run('increment', () => backend.counters.increment(key, positiveMs(windowMs))),
    decrement: (key) => run('decrement', () => backend.counters.decrement(key)),
  };

  return {
    cache: {
      get: <T>(key: string) => run('get', () => backend.keyv.get<T>(key)),
      set: (key, value, ttlMs) => run('set', async () => {
        await backend.keyv.set(key, value, ttlMs === undefined ? undefined : positiveMs(ttlMs));
      }),
      delete: (key) => run('delete', async () => {
        await backend.keyv.delete(key);
      }),
    },
    counters,
    bus: {
      publish: (channel, message) => run('publish', () => backend.bus.publish(channel, message)),
      subscribe: (channel, onMessage, onLive) => backend.bus.subscribe(channel, onMessage, onLive),
    },
    ping: () => run('ping', () => backend.ping()),
    async close() {
      if (closed) return;
      closed = true;
      await backend.close();
    },
  };
}

/** Redis wants whole positive milliseconds; anything else is a programmer mistake. */
function positiveMs(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new TypeError(`expected a positive number of milliseconds, got ${ms}`);
  return Math.ceil(ms);
}
