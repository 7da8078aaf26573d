import type { Cache } from './cache.js';
import { RateLimitedError } from '../errors.js';

const tooMany = (resetInMs: number) =>
  new RateLimitedError('Too many attempts; try again shortly', Math.max(1, Math.ceil(resetInMs / 1000)));

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
    if (count > limit) throw tooMany(resetInMs);
  }

  /**
   * For limits on failures only (logins): throws RateLimitedError while `key` is blocked,
   * before the attempt is even checked, so a blocked client cannot learn a right password.
   */
  async assertAllowed(key: string): Promise<void> {
    const blockedUntil = await this.#cache.get<number>(`rate:block:${key}`);
    if (typeof blockedUntil === 'number' && blockedUntil > Date.now()) throw tooMany(blockedUntil - Date.now());
  }

  /** Counts a failed attempt; the `limit`-th failure within `windowMs` blocks `key` until the window ends. */
  async recordFailure(key: string, limit: number, windowMs = 60_000): Promise<void> {
    if (limit <= 0) return;
    const { count, resetInMs } = await this.#cache.increment(`rate:${key}`, windowMs);
    if (count >= limit && resetInMs > 0) await this.#cache.set(`rate:block:${key}`, Date.now() + resetInMs, resetInMs);
  }

  /** Forgets the attempts against `key` (a successful login clears its account counter). */
  async reset(key: string): Promise<void> {
    await Promise.all([this.#cache.delete(`rate:${key}`), this.#cache.delete(`rate:block:${key}`)]);
  }
}
