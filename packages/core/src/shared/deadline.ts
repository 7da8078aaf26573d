/**
 * Settles like `promise`, or rejects with an Error saying `what` timed out after `timeoutMs`;
 * the loser is ignored (its outcome is swallowed so it cannot surface as an unhandled rejection).
 */
export function deadline<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
