interface Counter {
  count: number;
  resetAt: number;
}

/** Fixed-window counters in this process; expired windows are swept as the map grows. */
export class MemoryCounters {
  readonly #counters = new Map<string, Counter>();
  #sweepAt = 1000;

  /** Adds 1 to `key`'s window, opening a new window of `windowMs` when none is live. */
  increment(key: string, windowMs: number): { count: number; resetInMs: number } {
    const now = Date.now();
    let counter = this.#counters.get(key);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + windowMs };
      this.#counters.set(key, counter);
      this.#sweep(now);
    }
    counter.count += 1;
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  /** Gives one back to a live window (never below 0); nothing when there is none. */
  decrement(key: string): void {
    const counter = this.#counters.get(key);
    if (counter && counter.resetAt > Date.now() && counter.count > 0) counter.count -= 1;
  }

  /** Forgets every counter. */
  clear(): void {
    this.#counters.clear();
  }

  // Keyed by client address, the map would otherwise grow with every visitor ever seen.
  #sweep(now: number): void {
    if (this.#counters.size < this.#sweepAt) return;
    for (const [key, counter] of this.#counters) {
      if (counter.resetAt <= now) this.#counters.delete(key);
    }
    this.#sweepAt = Math.max(1000, this.#counters.size * 2);
  }
}
