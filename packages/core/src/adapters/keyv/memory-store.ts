import { LRUCache } from 'lru-cache';

/** A Keyv storage adapter: Keyv hands it serialized strings and a TTL in milliseconds. */
export interface MemoryStore {
  get(key: string): string | undefined;
  set(key: string, value: string, ttlMs?: number): boolean;
  delete(key: string): boolean;
  clear(): void;
  /** How many entries, and how many bytes (as counted against maxBytes), are held now. */
  readonly usage: { entries: number; bytes: number };
}

export interface MemoryStoreOptions {
  /** Bound on the bytes held (values' UTF-8 bytes, keys, and a fixed cost per entry); the least recently used go first. */
  maxBytes: number;
  /** Bound on the number of entries, whatever their size (default 100,000). */
  maxEntries?: number;
}

/** Per entry: the LRU's slots, the key in its map, the Buffer object and its backing store's bookkeeping. */
const entryOverheadBytes = 256;

/**
 * `value`'s UTF-8 bytes in memory of their own: Buffer.from puts small strings in a shared 8 KB
 * slab, and one long-lived version string would keep its whole slab alive.
 */
function ownBytes(value: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(value, 'utf8'));
  bytes.write(value, 'utf8');
  return bytes;
}

/**
 * Keyv's in-process storage, bounded: Keyv's default is a plain Map that grows with every key
 * ever written and keeps expired entries until they are read again. This LRU holds at most
 * `maxBytes` and a timer drops each entry when its TTL ends.
 *
 * Values are kept as their UTF-8 bytes, not as the strings Keyv hands over: Keyv's serializer
 * builds each value by appending pieces (`s += …`), which V8 keeps as a tree of one small
 * string per piece until something flattens it, so a 25,000-character store view held as given
 * took ~370 KB of heap, about fifteen bytes a character where a count of two was assumed (heap
 * snapshot of BENCH_SCALE's stores curve). Encoding copies it out once; the count is then the
 * Buffer's exact size. A read decodes it again, which only a miss of core's in-process layer
 * (in front of this one) pays.
 */
export function boundedMemoryStore(options: MemoryStoreOptions): MemoryStore {
  const lru = new LRUCache<string, Buffer>({
    max: options.maxEntries ?? 100_000,
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) => value.byteLength + 2 * key.length + entryOverheadBytes,
    ttlAutopurge: true,
    // Read the clock on every check: lru-cache would otherwise reuse a reading until a timer
    // resets it, and a busy stretch without a turn of the event loop would freeze its time.
    ttlResolution: 0,
  });
  return {
    get: (key) => lru.get(key)?.toString('utf8'),
    set(key, value, ttlMs) {
      // Without a TTL the entry lives until evicted, also when it had one before.
      lru.set(key, ownBytes(value), { ttl: ttlMs === undefined ? 0 : Math.ceil(ttlMs) });
      return true;
    },
    delete: (key) => lru.delete(key),
    clear: () => lru.clear(),
    get usage() {
      return { entries: lru.size, bytes: lru.calculatedSize };
    },
  };
}
