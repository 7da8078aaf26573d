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
}
