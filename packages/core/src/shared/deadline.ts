/**
 * Settles like `promise`, or rejects with `timeoutError()` after `timeoutMs`. The loser is
 * ignored: the race has subscribed to `promise`, so its late rejection is never unhandled.
 */
export function deadline<T>(promise: Promise<T>, timeoutMs: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
