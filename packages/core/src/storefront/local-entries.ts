import { LRUCache } from 'lru-cache';

/** lru-cache refuses undefined and null values; every value travels in a box. */
interface Box {
  value: unknown;
}

/** What one entry is assumed to cost when its size cannot be estimated (it is not JSON). */
const unknownSizeBytes = 1024;

/**
 * Roughly what an entry holds in memory: JavaScript strings are UTF-16, so two bytes a
 * character of its JSON. Computed once per set, which happens once per load, never per hit.
 */
function estimateBytes(box: Box, key: string): number {
  const { value } = box;
  let characters = unknownSizeBytes / 2;
  if (typeof value === 'string') characters = value.length;
  else {
    try {
      characters = JSON.stringify(value)?.length ?? 4;
    } catch {
      // Not JSON (a cycle): keep the default estimate.
    }
  }
  return 2 * (characters + key.length) + 64;
}

export interface LocalEntriesOptions {
  /** Bound on the estimated bytes held; the least recently used entries go first. */
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
      sizeCalculation: estimateBytes,
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
