import { deadline } from '../shared/deadline.js';

/** Thrown when a cache call takes longer than its bound. */
export class CacheTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`cache ${operation} timed out after ${timeoutMs} ms`);
    this.name = 'CacheTimeoutError';
  }
}

/** Settles like `promise`, or rejects with CacheTimeoutError after `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  return deadline(promise, timeoutMs, () => new CacheTimeoutError(operation, timeoutMs));
}
