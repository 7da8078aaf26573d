import type { Cache, CacheBus } from './cache.js';
import { withTimeout } from './with-timeout.js';

/** How a resilient cache bounds and reports its inner cache. */
export interface ResilientCacheOptions {
  /** Bound on every call, in milliseconds (default 50). */
  timeoutMs?: number;
  /** After a failure, calls skip the inner cache for this long (default 1000). */
  coolDownMs?: number;
  /** Told about every failed or timed-out call; skipped calls are not reported. */
  onError?: (error: unknown, operation: string) => void;
}

/**
 * Wraps a cache so that an outage degrades instead of failing: get misses, set/delete
 * do nothing, increment fails open (count 0), ping rejects. After a failure a circuit
 * breaker skips the inner cache for `coolDownMs`; the first call after that probes it.
 * ping always reaches the inner cache, so readiness sees the truth and recovery is quick.
 */
export function resilientCache(inner: Cache, options: ResilientCacheOptions = {}): Cache {
  const circuit = new Circuit(options);
  return {
    get: <T>(key: string) => circuit.call('get', () => inner.get<T>(key), undefined),
    set: (key, value, ttlMs) => circuit.call('set', () => inner.set(key, value, ttlMs), undefined),
    delete: (key) => circuit.call('delete', () => inner.delete(key), undefined),
    increment: (key, windowMs) =>
      circuit.call('increment', () => inner.increment(key, windowMs), { count: 0, resetInMs: 0 }),
    ping: () => circuit.attempt('ping', () => inner.ping()),
    close: () => inner.close(),
    ...(inner.bus ? { bus: resilientBus(inner.bus, circuit) } : {}),
  };
}

/**
 * A broadcast is an invalidation other instances act on, so like ping it is always attempted,
 * never skipped by an open circuit; a failed one is dropped (subscribers' local TTL bounds it).
 */
function resilientBus(bus: CacheBus, circuit: Circuit): CacheBus {
  return {
    publish: (channel, message) => circuit.attempt('publish', () => bus.publish(channel, message)).catch(() => undefined),
    subscribe: (channel, onMessage, onLive) => bus.subscribe(channel, onMessage, onLive),
  };
}

class Circuit {
  readonly #timeoutMs: number;
  readonly #coolDownMs: number;
  readonly #onError: ResilientCacheOptions['onError'];
  #openUntil = 0;
  #probing = false;

  constructor(options: ResilientCacheOptions) {
    this.#timeoutMs = options.timeoutMs ?? 50;
    this.#coolDownMs = options.coolDownMs ?? 1000;
    this.#onError = options.onError;
  }

  /** Runs `run` unless the circuit is open; any failure resolves `fallback`. */
  async call<T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> {
    const open = this.#openUntil > 0;
    if (open && (Date.now() < this.#openUntil || this.#probing)) return fallback;
    // While one call probes a recovering cache, the others keep skipping it.
    if (open) this.#probing = true;
    try {
      return await this.attempt(operation, run);
    } catch {
      return fallback;
    } finally {
      if (open) this.#probing = false;
    }
  }

  /** Runs `run` within the bound and records the outcome; rejects on failure. */
  async attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await withTimeout(Promise.resolve().then(run), this.#timeoutMs, operation);
      this.#openUntil = 0;
      return result;
    } catch (error) {
      this.#openUntil = Date.now() + this.#coolDownMs;
      this.#onError?.(error, operation);
      throw error;
    }
  }
}
