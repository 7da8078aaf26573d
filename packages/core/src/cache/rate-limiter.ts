import type { Cache } from './cache.js';
import { RateLimitedError } from '../errors.js';

/**
 * Fixed-window attempt counters kept in the shared cache, so every instance counts together.
 * When the cache is down its increment fails open (count 0) and nobody is locked out.
 */
export class RateLimiter {
  readonly #cache: Cache;

  constructor(cache: Cache) {
    this.#cache = cache;
  }

  /**
   * Counts one attempt against `key`; throws RateLimitedError once more than `limit` arrive
   * within `windowMs`. A limit of 0 turns the check off.
   */
  async hit(key: string, limit: number, windowMs = 60_000): Promise<void> {
    if (limit <= 0) return;
    const { count, resetInMs } = await this.#cache.increment(`rate:${key}`, windowMs);
    if (count > limit) {
      throw new RateLimitedError('Too many attempts; try again shortly', Math.max(1, Math.ceil(resetInMs / 1000)));
    }
  }

  /** Forgets the attempts against `key` (a successful login clears its account counter). */
  async reset(key: string): Promise<void> {
    await this.#cache.delete(`rate:${key}`);
  }
}
