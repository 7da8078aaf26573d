import { withTimeout } from './with-timeout.js';

/** How a circuit bounds and reports the calls it guards. */
export interface CircuitOptions {
  /** Bound on every guarded call, in milliseconds (default 50). */
  timeoutMs?: number;
  /** After a failure, skippable calls are skipped for this long (default 1000). */
  coolDownMs?: number;
  /** Told about every failed or timed-out call; skipped calls are not reported. */
  onError?: (error: unknown, operation: string) => void;
}

/**
 * The one place where a cache call is bounded: a timeout per call plus a circuit breaker.
 * After a failure, `call` skips the cache for `coolDownMs`, then lets one call probe it while
 * the others keep skipping. `attempt` is never skipped (readiness, broadcasts) and may have a
 * longer bound of its own; its outcome still opens or closes the circuit.
 */
export class Circuit {
  readonly #timeoutMs: number;
  readonly #coolDownMs: number;
  readonly #onError: CircuitOptions['onError'];
  #openUntil = 0;
  #probing = false;

  constructor(options: CircuitOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 50;
    this.#coolDownMs = options.coolDownMs ?? 1000;
    this.#onError = options.onError;
  }

  /** Runs `run` unless the circuit is open; any failure or skip resolves `fallback`. */
  async call<T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> {
    const open = this.#openUntil > 0;
    if (open && (Date.now() < this.#openUntil || this.#probing)) return fallback;
    // While one call probes a recovering cache, the others keep skipping it.
    if (open) this.#probing = true;
    try {
      return await this.attempt(operation, run);
    } catch {
      return fallback;
    } finally {
      if (open) this.#probing = false;
    }
  }

  /** Runs `run` within `boundMs` (default: the per-call bound) and records the outcome; rejects on failure. */
  async attempt<T>(operation: string, run: () => Promise<T>, boundMs = this.#timeoutMs): Promise<T> {
    try {
      const result = await withTimeout(Promise.resolve().then(run), boundMs, operation);
      this.#openUntil = 0;
      return result;
    } catch (error) {
      this.#openUntil = Date.now() + this.#coolDownMs;
      this.#onError?.(error, operation);
      throw error;
    }
  }
}
