import { LRUCache } from 'lru-cache';
import { entryBytes } from '../cache/entry-size.js';

/** lru-cache refuses undefined and null values; every value travels in a box. */
interface Box {
  value: unknown;
}

/**
 * The in-process layer's default byte bound (wireCaching's). Entries are counted at what they
 * cost in the heap with what callers derive beside them (see entryBytes): a store of 100
 * products with photos costs about 1.1 MB here (its view with its encoded JSON, its rendered
 * page with its encoded parts), so this holds the busiest dozen or so such stores; the rest are
 * a round trip to the shared cache away.
 */
export const defaultLocalMaxBytes = 16 * 1024 * 1024;

export interface LocalEntriesOptions {
  /** Bound on the bytes held, as entryBytes counts them; the least recently used entries go first. */
  maxBytes: number;
  /** Bound on the number of entries, whatever their size (default 50,000). */
  maxEntries?: number;
}

/**
 * The in-process layer in front of the shared cache: an LRU bounded by bytes, whose expired
 * entries are dropped by a timer without waiting for a read, so memory is bounded by
 * `maxBytes` whatever keys arrive. A hit returns the very object that was set.
 */
export class LocalEntries {
  readonly #lru: LRUCache<string, Box>;

  constructor(options: LocalEntriesOptions) {
    this.#lru = new LRUCache<string, Box>({
      max: options.maxEntries ?? 50_000,
      maxSize: options.maxBytes,
      // Measured once per set, which happens once per load, never per hit.
      sizeCalculation: (box, key) => entryBytes(key, box.value),
      ttlAutopurge: true,
      // Read the clock on every check: lru-cache would otherwise reuse a reading until a timer
      // resets it, and a busy stretch without a turn of the event loop would freeze its time.
      ttlResolution: 0,
    });
  }

  /** The live value, or undefined. */
  get<T>(key: string): T | undefined {
    return this.#lru.get(key)?.value as T | undefined;
  }

  /** Keeps `value` for `ttlMs` (nothing when not positive); one larger than `maxBytes` is not kept. */
  set(key: string, value: unknown, ttlMs: number): void {
    if (ttlMs <= 0) return;
    this.#lru.set(key, { value }, { ttl: Math.ceil(ttlMs) });
  }

  delete(key: string): void {
    this.#lru.delete(key);
  }

  clear(): void {
    this.#lru.clear();
  }

  /** How many entries, and how many estimated bytes, are held now. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize };
  }
}
