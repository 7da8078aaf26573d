import type { Cache } from './ports.js';
import { withTimeout } from './with-timeout.js';

type Write = { op: 'set'; value: unknown; ttlMs: number | undefined } | { op: 'delete' };

export interface DurableWritesOptions {
  /** Bound on one attempt (default 1000 ms: longer than a read's, an invalidation is worth waiting for). */
  timeoutMs?: number;
  /** Pause between retries of writes that failed (default 500 ms). */
  retryMs?: number;
  onError?: (error: unknown, operation: string) => void;
}

/**
 * Writes that must reach the shared cache even when reads are being skipped: invalidations
 * (a store's new version, a forgotten slug) and revocations (a session or token deleted). The
 * resilient cache's circuit breaker may skip a call after one slow answer; skipping one of
 * these would leave other instances serving stale data until a TTL. So each is attempted at
 * once, past the breaker, and if it fails it is kept (the latest write per key wins) and
 * retried until the cache takes it.
 */
export class DurableWrites {
  readonly #cache: Cache;
  readonly #timeoutMs: number;
  readonly #retryMs: number;
  readonly #onError: DurableWritesOptions['onError'];
  readonly #pending = new Map<string, Write>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(cache: Cache, options: DurableWritesOptions = {}) {
    this.#cache = cache;
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#retryMs = options.retryMs ?? 500;
    this.#onError = options.onError;
  }

  /** Sets `key`; resolves once written or queued for retry (never rejects). */
  set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    return this.#write(key, { op: 'set', value, ttlMs });
  }

  /** Deletes `key`; resolves once deleted or queued for retry (never rejects). */
  delete(key: string): Promise<void> {
    return this.#write(key, { op: 'delete' });
  }

  /** How many writes are waiting for the cache to come back. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Stops retrying (writes still pending are dropped; their TTLs bound the staleness). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #write(key: string, write: Write): Promise<void> {
    // A newer write to the key supersedes a queued older one.
    this.#pending.delete(key);
    if (!(await this.#attempt(key, write))) {
      if (!this.#pending.has(key)) this.#pending.set(key, write);
      this.#schedule();
    }
  }

  async #attempt(key: string, write: Write): Promise<boolean> {
    const run = () => (write.op === 'set' ? this.#cache.set(key, write.value, write.ttlMs) : this.#cache.delete(key));
    try {
      await withTimeout(Promise.resolve().then(run), this.#timeoutMs, `durable ${write.op}`);
      return true;
    } catch (error) {
      this.#onError?.(error, `durable ${write.op}`);
      return false;
    }
  }

  #schedule(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => void this.#retry(), this.#retryMs);
    // Pending invalidations must not keep a process alive that is otherwise done.
    this.#timer.unref();
  }

  async #retry(): Promise<void> {
    this.#timer = undefined;
    for (const [key, write] of [...this.#pending]) {
      if (this.#closed) return;
      if (this.#pending.get(key) !== write) continue;
      if (await this.#attempt(key, write)) {
        if (this.#pending.get(key) === write) this.#pending.delete(key);
      }
    }
    if (this.#pending.size > 0) this.#schedule();
  }
}
