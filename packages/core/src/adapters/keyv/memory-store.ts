import { LRUCache } from 'lru-cache';

/** A Keyv storage adapter: Keyv hands it serialized strings and a TTL in milliseconds. */
export interface MemoryStore {
  get(key: string): string | undefined;
  set(key: string, value: string, ttlMs?: number): boolean;
  delete(key: string): boolean;
  clear(): void;
  /** How many entries, and how many estimated bytes, are held now. */
  readonly usage: { entries: number; bytes: number };
}

export interface MemoryStoreOptions {
  /** Bound on the estimated bytes held; the least recently used entries go first. */
  maxBytes: number;
  /** Bound on the number of entries, whatever their size (default 100,000). */
  maxEntries?: number;
}

/**
 * Keyv's in-process storage, bounded: Keyv's default is a plain Map that grows with every key
 * ever written and keeps expired entries until they are read again. This LRU holds at most
 * `maxBytes` (strings are UTF-16: two bytes a character, plus some overhead per entry) and a
 * timer drops each entry when its TTL ends.
 */
export function boundedMemoryStore(options: MemoryStoreOptions): MemoryStore {
  const lru = new LRUCache<string, string>({
    max: options.maxEntries ?? 100_000,
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) => 2 * (value.length + key.length) + 64,
    ttlAutopurge: true,
    // Read the clock on every check: lru-cache would otherwise reuse a reading until a timer
    // resets it, and a busy stretch without a turn of the event loop would freeze its time.
    ttlResolution: 0,
  });
  return {
    get: (key) => lru.get(key),
    set(key, value, ttlMs) {
      // Without a TTL the entry lives until evicted, also when it had one before.
      lru.set(key, value, { ttl: ttlMs === undefined ? 0 : Math.ceil(ttlMs) });
      return true;
    },
    delete: (key) => lru.delete(key),
    clear: () => lru.clear(),
    get usage() {
      return { entries: lru.size, bytes: lru.calculatedSize };
    },
  };
}
