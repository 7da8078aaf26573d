/**
 * The three narrow ports a cache adapter offers core, and the bundle it hands createDukaan.
 * They are separate because they are used for separate things and fail differently: a value
 * miss costs a database query, a lost counter lets an attempt through, a lost message leaves
 * a copy stale until its TTL. Values must survive JSON.
 */

/** A shared key-value cache with expiry. */
export interface Cache {
  /** The value, or undefined on a miss or an expired entry. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores the value; `ttlMs` omitted means no expiry. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Removes the entry; no error when it is absent. */
  delete(key: string): Promise<void>;
}

/** Fixed-window counters shared by every instance (attempt limits). Keys are their own space, apart from Cache's. */
export interface Counters {
  /** Atomic across instances; the window starts at the first increment. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Gives one back (never below 0); no-op when absent. */
  decrement(key: string): Promise<void>;
}

/**
 * Messages to every process sharing the cache (Redis pub/sub), so each can keep in-process
 * copies coherent. Delivery is at most once: a subscriber that was disconnected misses
 * messages, which is why it is told when delivery stops and resumes.
 */
export interface Bus {
  /** Delivers `message` to every subscriber of `channel`, in this process and in others. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `onMessage` for each message on `channel`, and `onLive(true | false)` whenever delivery
   * starts or stops (messages published while not live are lost). Returns the unsubscribe function.
   */
  subscribe(channel: string, onMessage: (m: string) => void, onLive: (live: boolean) => void): () => void;
}

/** What a cache adapter hands createDukaan: the three ports over one connection, and their lifecycle. */
export interface CacheStores {
  cache: Cache;
  counters: Counters;
  /** null when the adapter cannot broadcast (then nothing is trusted in process for long). */
  bus: Bus | null;
  /** Resolves when the cache answers; rejects otherwise. Unbounded: callers bound it. */
  ping(): Promise<void>;
  /** Releases connections; closing twice is harmless. */
  close(): Promise<void>;
}
