import type { Cache } from '../cache/cache.js';
import type { DurableWrites } from '../cache/durable-writes.js';
import { singleFlight } from '../cache/memoize.js';
import { newToken } from '../shared/id.js';
import { LocalEntries } from './local-entries.js';

export interface StoreCacheOptions {
  /** How long a cached entry may live even if no event invalidates it. */
  ttlMs: number;
  /**
   * How long this process trusts its copy of a store's version (and slug lookups) while the
   * cache's bus is live; 0 reads them from the shared cache on every request. Default 1000.
   */
  localTtlMs?: number;
  /** Most entries held in process (store views and pages are tens of KB each). Default 500. */
  localMaxEntries?: number;
}

/** What instances tell each other when a store changes. */
interface VersionMessage {
  storeId: string;
  version: string;
  slugs?: string[];
}

const channel = 'store-versions';

/**
 * Per-store cache entries keyed by a version that every change replaces
 * (`store:{id}:v:{version}:{name}`). Invalidation is one write; a load that started before
 * the change writes its stale result under a version nobody reads any more.
 *
 * In front of the shared cache sits an in-process layer. Version-keyed entries never change,
 * so they are always safe to keep locally. Versions themselves (and slug lookups) are kept
 * locally only while the cache's bus (Redis pub/sub) is live, each change being broadcast, and
 * even then for `localTtlMs` at most, which bounds staleness if a message is lost.
 */
export class StoreCache {
  readonly #cache: Cache;
  readonly #writes: Pick<DurableWrites, 'set' | 'delete'>;
  readonly #ttlMs: number;
  readonly #localTtlMs: number;
  readonly #local: LocalEntries;
  readonly #flight = singleFlight();
  /** Broadcasts of ours not yet heard back, by version. */
  readonly #echoes = new Map<string, () => void>();
  #live = false;

  /** `writes` carries invalidations past a tripped circuit breaker; without it they go through `cache`. */
  constructor(cache: Cache, options: StoreCacheOptions, writes: Pick<DurableWrites, 'set' | 'delete'> = cache) {
    this.#cache = cache;
    this.#writes = writes;
    this.#ttlMs = options.ttlMs;
    this.#localTtlMs = options.localTtlMs ?? 1000;
    this.#local = new LocalEntries(options.localMaxEntries ?? 500);
  }

  /** Starts listening for other instances' changes; returns the function that stops. */
  listen(): () => void {
    const bus = this.#cache.bus;
    if (!bus || this.#localTtlMs <= 0) return () => {};
    return bus.subscribe(channel, (message) => this.#apply(message), (live) => {
      // Whatever was learnt before delivery stopped may be stale now.
      if (live !== this.#live) this.#local.clear();
      this.#live = live;
    });
  }

  #apply(raw: string): void {
    try {
      const message = JSON.parse(raw) as VersionMessage;
      this.#echoes.get(message.version)?.();
      this.#local.set(`version:${message.storeId}`, message.version, this.#localTtlMs);
      for (const slug of message.slugs ?? []) this.#local.delete(`slug:${slug}`);
    } catch {
      this.#local.clear();
    }
  }

  /** The store's current version, creating one on first use. */
  async version(storeId: string): Promise<string> {
    return (await this.#currentVersion(storeId)).version;
  }

  /** `fresh` when no cache held a version and this call made one up. */
  async #currentVersion(storeId: string): Promise<{ version: string; fresh: boolean }> {
    const localKey = `version:${storeId}`;
    const local = this.#live ? this.#local.get<string>(localKey) : undefined;
    if (local) return { version: local, fresh: false };
    const key = `store:${storeId}:version`;
    const stored = await this.#cache.get<string>(key);
    const version = typeof stored === 'string' ? stored : newToken(9);
    if (typeof stored !== 'string') await this.#cache.set(key, version);
    if (this.#live) this.#local.set(localKey, version, this.#localTtlMs);
    return { version, fresh: typeof stored !== 'string' };
  }

  /**
   * Makes every entry of the store unreachable at once (event-driven invalidation), in this
   * process and, through the bus, in every other; `slugs` whose lookups changed are dropped too.
   */
  async invalidate(storeId: string, slugs: string[] = []): Promise<void> {
    const version = newToken(9);
    await Promise.all([this.#writes.set(`store:${storeId}:version`, version), ...slugs.map((slug) => this.#writes.delete(`slug:${slug}`))]);
    this.#local.set(`version:${storeId}`, version, this.#localTtlMs);
    for (const slug of slugs) this.#local.delete(`slug:${slug}`);
    const message: VersionMessage = { storeId, version, ...(slugs.length > 0 ? { slugs } : {}) };
    if (!this.#cache.bus) return;
    // Redis may answer PUBLISH before it has sent the message to the other subscribers; once our
    // own copy is back, theirs has been delivered too, so a request that follows sees the change.
    const echoed = this.#live ? this.#awaitEcho(version) : Promise.resolve();
    await this.#cache.bus.publish(channel, JSON.stringify(message));
    await echoed;
  }

  #awaitEcho(version: string, boundMs = 100): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#echoes.delete(version);
        resolve();
      };
      const timer = setTimeout(done, boundMs);
      this.#echoes.set(version, done);
    });
  }

  /** The cached value of `name` for the store, or the loaded one (concurrent misses share one load). */
  async getOrLoad<T>(storeId: string, name: string, load: () => Promise<T>): Promise<T> {
    const { version, fresh } = await this.#currentVersion(storeId);
    const key = `store:${storeId}:v:${version}:${name}`;
    const local = this.#local.get<T>(key);
    if (local !== undefined) return local;
    return this.#flight(key, async () => {
      const shared = fresh ? undefined : await this.#cache.get<T>(key);
      if (shared !== undefined) {
        this.#local.set(key, shared, this.#ttlMs);
        return shared;
      }
      const value = await load();
      await this.#cache.set(key, value, this.#ttlMs);
      // A made-up version means the cache keeps nothing (down, or disabled): holding the value
      // here under a key no later request will ask for would only fill memory.
      if (!fresh) this.#local.set(key, value, this.#ttlMs);
      return value;
    });
  }

  /**
   * A slug lookup through both layers: `load` runs on a miss, and its answer is kept for
   * `ttlMs` (shorter for a "no such store" answer, so a new store's link works soon).
   */
  async slug<T>(slug: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
    const key = `slug:${slug}`;
    const local = this.#live ? this.#local.get<T>(key) : undefined;
    if (local !== undefined) return local;
    let value = await this.#cache.get<T>(key);
    if (value === undefined) {
      value = await load();
      await this.#cache.set(key, value, ttlMs(value));
    }
    if (this.#live) this.#local.set(key, value, Math.min(ttlMs(value), this.#localTtlMs));
    return value;
  }
}
