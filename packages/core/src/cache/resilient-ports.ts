import type { Bus, Cache, Counters } from './ports.js';
import type { Circuit } from './circuit.js';

/** A Cache that never throws and never hangs: an outage reads as a miss, writes as done. */
export function resilientCache(inner: Cache, circuit: Circuit): Cache {
  return {
    get: <T>(key: string) => circuit.call('get', () => inner.get<T>(key), undefined),
    set: (key, value, ttlMs) => circuit.call('set', () => inner.set(key, value, ttlMs), undefined),
    delete: (key) => circuit.call('delete', () => inner.delete(key), undefined),
  };
}

/** What a probe answers when the cache did not (an outage, a timeout, an open circuit). */
export const cacheUnavailable: unique symbol = Symbol('cache unavailable');

/** A read that tells a miss from a failure. */
export type CacheProbe = <T>(key: string) => Promise<T | undefined | typeof cacheUnavailable>;

/**
 * For reads that must fail closed: a revocation marker that could not be read has to count as
 * present, or a slow cache would bring a revoked session back. Same bound and breaker as `get`.
 */
export function cacheProbe(inner: Cache, circuit: Circuit): CacheProbe {
  return <T>(key: string) => circuit.call<T | undefined | typeof cacheUnavailable>('get', () => inner.get<T>(key), cacheUnavailable);
}

/**
 * Counters that fail open: while the cache is away every count is 0, so nobody is locked out.
 * They guard logins and checkouts, so they are always attempted (an open circuit, tripped by a
 * slow page read, must not switch the limits off) and get a longer bound than page reads: a
 * limit that lapses whenever the machine is busy is no limit.
 */
export function resilientCounters(inner: Counters, circuit: Circuit, boundMs: number = countersBoundMs): Counters {
  const attempt = <T>(operation: string, run: () => Promise<T>, fallback: T) =>
    circuit.attempt(operation, run, boundMs).catch(() => fallback);
  return {
    increment: (key, windowMs) => attempt('increment', () => inner.increment(key, windowMs), { count: 0, resetInMs: 0 }),
    decrement: (key) => attempt('decrement', () => inner.decrement(key), undefined),
  };
}

/** Bound on a counter call (ms); only login, sign-up and checkout pay it, and only when Redis is slow. */
export const countersBoundMs = 500;

/**
 * A broadcast is an invalidation other instances act on, so it is always attempted, never
 * skipped by an open circuit; a failed one is dropped (subscribers' local TTL bounds it).
 */
export function resilientBus(inner: Bus, circuit: Circuit): Bus {
  return {
    publish: (channel, message) => circuit.attempt('publish', () => inner.publish(channel, message)).catch(() => undefined),
    subscribe: (channel, onMessage, onLive) => inner.subscribe(channel, onMessage, onLive),
  };
}
