import type { Cache } from '../cache/ports.js';
import { singleFlight } from '../cache/memoize.js';
import { defaultLocalMaxBytes, LocalEntries } from './local-entries.js';
import { slugKey, StoreVersions, versionTime, type StoreVersionPorts } from './store-versions.js';

export interface StoreCacheOptions {
  /** How long a cached entry may live even if no event invalidates it. */
  ttlMs: number;
  /**
   * How long this process trusts its copy of a store's versions and slug lookups; 0 reads them
   * from the shared cache on every request. Bounds how stale shown stock may be. Default 1000.
   */
  localTtlMs?: number;
  /** Bound on the bytes held in process, as entryBytes measures them (default defaultLocalMaxBytes, 16 MiB). */
  localMaxBytes?: number;
}

/** Which of the store's versions an entry is derived from, so which changes replace it. */
export type EntryScope = 'catalogue' | 'stock' | 'both';

export interface EntryOptions {
  /** Default 'both': anything showing stock counts depends on both versions. */
  scope?: EntryScope;
  /** false keeps the entry in process only (cheap to derive, not worth a round trip). Default true. */
  shared?: boolean;
}

/** The versions an entry of `scope` was loaded under, as stored beside it. */
function tagOf(scope: EntryScope, catalogue: string | undefined, stock: string | undefined): string {
  if (scope === 'catalogue') return catalogue ?? '';
  if (scope === 'stock') return stock ?? '';
  return `${catalogue ?? ''}.${stock ?? ''}`;
}

/** The key of a store's entry `name`, in both layers. */
const entryKey = (storeId: string, name: string) => `store:${storeId}:entry:${name}`;

/** What is stored under an entry's key: the value and the versions it was loaded under. */
interface Tagged<T> {
  tag: string;
  value: T;
}

/**
 * Per-store cache entries, each under one key per store and name (`store:{id}:entry:{name}`),
 * tagged with the versions it was loaded under. A read whose current versions differ from the
 * tag is a miss, and its load overwrites the entry: a change never leaves the old entry behind,
 * and a load that started before the change writes a tag nobody asks for any more.
 *
 * In front of the shared cache sits a bounded in-process layer holding the same tagged entries,
 * the versions (see StoreVersions for how long each is trusted) and slug lookups.
 */
export class StoreCache {
  readonly #cache: Cache;
  readonly #ttlMs: number;
  readonly #localTtlMs: number;
  readonly #local: LocalEntries;
  readonly #versions: StoreVersions;
  readonly #flight = singleFlight();

  constructor(ports: StoreVersionPorts, options: StoreCacheOptions) {
    this.#cache = ports.cache;
    this.#ttlMs = options.ttlMs;
    this.#localTtlMs = options.localTtlMs ?? 1000;
    this.#local = new LocalEntries({ maxBytes: options.localMaxBytes ?? defaultLocalMaxBytes });
    this.#versions = new StoreVersions(ports, this.#local, this.#localTtlMs);
  }

  /** Starts listening for other instances' changes; returns the function that stops. */
  listen(): () => void {
    return this.#versions.listen();
  }

  /** The store's current catalogue version, creating one on first use. */
  async version(storeId: string): Promise<string> {
    return (await this.#versions.catalogue(storeId)).version;
  }

  /** A catalogue change: every entry of the store is replaced on its next read, everywhere. */
  invalidate(storeId: string, slugs: string[] = []): Promise<void> {
    return this.#versions.bumpCatalogue(storeId, slugs);
  }

  /** A stock change: entries showing stock are replaced within the local TTL, catalogue entries stay. */
  invalidateStock(storeId: string): Promise<void> {
    return this.#versions.bumpStock(storeId);
  }

  /** How much the in-process layer holds now. */
  get localSize(): { entries: number; bytes: number } {
    return this.#local.size;
  }

  async #tag(storeId: string, scope: EntryScope): Promise<{ tag: string; fresh: boolean }> {
    const [catalogue, stock] = await Promise.all([
      scope === 'stock' ? undefined : this.#versions.catalogue(storeId),
      scope === 'catalogue' ? undefined : this.#versions.stock(storeId),
    ]);
    return { tag: tagOf(scope, catalogue?.version, stock?.version), fresh: Boolean(catalogue?.fresh || stock?.fresh) };
  }

  /**
   * The in-process value of `name` when this process can tell, without a round trip, that it is
   * current: its versions are trusted locally and the entry carries them. undefined otherwise
   * (then getOrLoad decides). Synchronous, so a hit costs no promise: the cached page's hot path.
   */
  peek<T>(storeId: string, name: string, scope: EntryScope = 'both'): T | undefined {
    const versions = this.#versions.peek(storeId);
    if (!versions) return undefined;
    const local = this.#local.get<Tagged<T>>(entryKey(storeId, name));
    return local?.tag === tagOf(scope, versions.catalogue, versions.stock) ? local.value : undefined;
  }

  /** A slug lookup answered in process (no round trip), or undefined when this process does not trust one. */
  peekSlug<T>(slug: string): T | undefined {
    return this.#versions.live ? this.#local.get<T>(slugKey(slug)) : undefined;
  }

  /**
   * When the store last changed, in ms: the later of its two versions' times (see newVersion).
   * Both, whatever an entry's scope: a catalogue load carries stock counts too.
   */
  async changedAt(storeId: string): Promise<number> {
    const [catalogue, stock] = await Promise.all([this.#versions.catalogue(storeId), this.#versions.stock(storeId)]);
    return Math.max(versionTime(catalogue.version), versionTime(stock.version));
  }

  /**
   * The cached value of `name` for the store, or the loaded one (concurrent misses share one load).
   * `load` may ask when the store last changed, to choose where it reads (replica-reads.ts).
   */
  async getOrLoad<T>(storeId: string, name: string, load: (changedAt: () => Promise<number>) => Promise<T>, options: EntryOptions = {}): Promise<T> {
    const { scope = 'both', shared = true } = options;
    const { tag, fresh } = await this.#tag(storeId, scope);
    const key = entryKey(storeId, name);
    const local = this.#local.get<Tagged<T>>(key);
    if (local?.tag === tag) return local.value;
    return this.#flight(`${key}@${tag}`, async () => {
      // A made-up version means the shared cache had nothing under it to find.
      const found = shared && !fresh ? await this.#sharedEntry<T>(key, tag) : undefined;
      if (found) return found.value;
      const entry: Tagged<T> = { tag, value: await load(() => this.changedAt(storeId)) };
      if (shared) await this.#cache.set(key, entry, this.#ttlMs);
      // A made-up version means the cache keeps nothing (down, or disabled): holding the value
      // here under a tag no later request will ask for would only churn memory.
      if (!fresh) this.#local.set(key, entry, this.#ttlMs);
      return entry.value;
    });
  }

  /**
   * The cached value of `name` for the store when either layer holds it under the current
   * versions; undefined otherwise, and nothing is loaded. For a caller that can answer from a
   * derived entry (a rendered page) without the data it was derived from: a big store's view
   * may not fit either layer, and its page should not wait for it.
   */
  async getIfPresent<T>(storeId: string, name: string, options: EntryOptions = {}): Promise<T | undefined> {
    const { scope = 'both', shared = true } = options;
    const { tag, fresh } = await this.#tag(storeId, scope);
    const key = entryKey(storeId, name);
    const local = this.#local.get<Tagged<T>>(key);
    if (local?.tag === tag) return local.value;
    if (!shared || fresh) return undefined;
    return (await this.#sharedEntry<T>(key, tag))?.value;
  }

  /** The shared cache's entry under `key` when it carries `tag`, then kept in process too; undefined otherwise. */
  async #sharedEntry<T>(key: string, tag: string): Promise<Tagged<T> | undefined> {
    const found = await this.#cache.get<Tagged<T>>(key);
    if (found?.tag !== tag) return undefined;
    this.#local.set(key, found, this.#ttlMs);
    return found;
  }

  /**
   * A slug lookup through both layers: `load` runs on a miss, and its answer is kept for
   * `ttlMs` (shorter for a "no such store" answer, so a new store's link works soon).
   */
  async slug<T>(slug: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
    const key = slugKey(slug);
    const live = this.#versions.live;
    const local = live ? this.#local.get<T>(key) : undefined;
    if (local !== undefined) return local;
    let value = await this.#cache.get<T>(key);
    if (value === undefined) {
      value = await load();
      await this.#cache.set(key, value, ttlMs(value));
    }
    if (live) this.#local.set(key, value, Math.min(ttlMs(value), this.#localTtlMs));
    return value;
  }
}
