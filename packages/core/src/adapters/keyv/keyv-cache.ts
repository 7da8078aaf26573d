import type { Cache } from '../../cache/cache.js';
import { withTimeout } from '../../cache/with-timeout.js';
import type { Backend } from './backend.js';
import { memoryBackend } from './memory-backend.js';
import { redisBackend } from './redis-backend.js';

/** Where keyvCache keeps its entries. */
export interface KeyvCacheOptions {
  /** Redis to share entries between instances; omitted means in-process memory. */
  redisUrl?: string;
  /** Prefix of every key, as `{namespace}::{key}` (default 'dukaan'). */
  namespace?: string;
  /** Bound on every call, in milliseconds (default 1000); a late call rejects. */
  commandTimeoutMs?: number;
}

/** A Cache on Keyv: in-process memory by default, Redis (shared by every instance) with `redisUrl`. */
export function keyvCache(options: KeyvCacheOptions = {}): Cache {
  const namespace = options.namespace ?? 'dukaan';
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const backend = options.redisUrl ? redisBackend(options.redisUrl, namespace) : memoryBackend(namespace);
  let closed = false;

  // A closed cache must not reach Keyv, not even a call that was waiting for the first
  // connection: @keyv/redis would quietly open a new connection that nobody closes.
  const run = <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    const guarded = async () => {
      if (closed) throw new Error(`cache ${operation} after close`);
      await backend.ready();
      if (closed) throw new Error(`cache ${operation} after close`);
      return work();
    };
    return withTimeout(guarded(), timeoutMs, operation);
  };

  return {
    get: <T>(key: string) => run('get', () => backend.keyv.get<T>(key)),
    set: (key, value, ttlMs) => run('set', async () => {
      await backend.keyv.set(key, value, ttlMs === undefined ? undefined : positiveMs(ttlMs));
    }),
    delete: (key) => run('delete', () => backend.delete(key)),
    increment: (key, windowMs) => run('increment', () => backend.increment(key, positiveMs(windowMs))),
    ping: () => run('ping', () => backend.ping()),
    bus: {
      publish: (channel, message) => run('publish', () => backend.bus.publish(channel, message)),
      subscribe: (channel, onMessage, onLive) => backend.bus.subscribe(channel, onMessage, onLive),
    },
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
