interface Entry {
  value: unknown;
  expiresAt: number;
}

/** A bounded in-process map with expiry; the oldest insertion goes first when it is full. */
export class LocalEntries {
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** The live value, or undefined. */
  get<T>(key: string, now = Date.now()): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value as T;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: unknown, ttlMs: number, now = Date.now()): void {
    if (ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + ttlMs });
    if (this.#entries.size > this.#max) {
      // Expired entries go first; only when none has expired is the oldest live one dropped.
      for (const [old, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(old);
      const oldest = this.#entries.size > this.#max ? this.#entries.keys().next().value : undefined;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
