/** Thrown when a cache call takes longer than its bound. */
export class CacheTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`cache ${operation} timed out after ${timeoutMs} ms`);
    this.name = 'CacheTimeoutError';
  }
}

/** Settles like `promise`, or rejects with CacheTimeoutError after `timeoutMs`; the loser is ignored. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(operation, timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
