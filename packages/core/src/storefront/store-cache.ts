import type { Cache } from '../cache/cache.js';
import { singleFlight } from '../cache/memoize.js';
import { newToken } from '../shared/id.js';

export interface StoreCacheOptions {
  /** How long a cached entry may live even if no event invalidates it. */
  ttlMs: number;
}

/**
 * Per-store cache entries keyed by a version that every change replaces
 * (`store:{id}:v:{version}:{name}`). Invalidation is one write; a load that started before
 * the change writes its stale result under a version nobody reads any more.
 */
export class StoreCache {
  readonly #cache: Cache;
  readonly #ttlMs: number;
  readonly #flight = singleFlight();

  constructor(cache: Cache, options: StoreCacheOptions) {
    this.#cache = cache;
    this.#ttlMs = options.ttlMs;
  }

  /** The store's current version, creating one on first use. */
  async version(storeId: string): Promise<string> {
    const key = `store:${storeId}:version`;
    const current = await this.#cache.get<string>(key);
    if (typeof current === 'string') return current;
    const fresh = newToken(9);
    await this.#cache.set(key, fresh);
    return fresh;
  }

  /** Makes every entry of the store unreachable at once (event-driven invalidation). */
  async invalidate(storeId: string): Promise<void> {
    await this.#cache.set(`store:${storeId}:version`, newToken(9));
  }

  /** The cached value of `name` for the store, or the loaded one (concurrent misses share one load). */
  async getOrLoad<T>(storeId: string, name: string, load: () => Promise<T>): Promise<T> {
    const key = `store:${storeId}:v:${await this.version(storeId)}:${name}`;
    const hit = await this.#cache.get<T>(key);
    if (hit !== undefined) return hit;
    return this.#flight(key, async () => {
      const value = await load();
      await this.#cache.set(key, value, this.#ttlMs);
      return value;
    });
  }
}
