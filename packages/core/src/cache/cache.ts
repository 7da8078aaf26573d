/**
 * Messages to every process sharing a cache (Redis pub/sub), so each can keep in-process
 * copies coherent. Delivery is at most once: a subscriber that was disconnected misses messages,
 * which is why it is told when delivery stops and resumes.
 */
export interface CacheBus {
  /** Delivers `message` to every subscriber of `channel`, in this process and in others. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `onMessage` for each message on `channel`, and `onLive(true | false)` whenever delivery
   * starts or stops (messages published while not live are lost). Returns the unsubscribe function.
   */
  subscribe(channel: string, onMessage: (message: string) => void, onLive: (live: boolean) => void): () => void;
}

/** A shared key-value cache with expiry; values must survive JSON. */
export interface Cache {
  /** The value, or undefined on a miss or an expired entry. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores the value; `ttlMs` omitted means no expiry. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Removes the entry or counter under `key`; no error when it is absent. */
  delete(key: string): Promise<void>;
  /**
   * Adds 1 to a counter that starts when first incremented and expires `windowMs` later;
   * resolves the new count and the milliseconds until the counter resets. Atomic across instances.
   * Counters and values must not share a key.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Resolves when the cache answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
  /** Present when the cache can broadcast to the other processes sharing it. */
  readonly bus?: CacheBus;
}
