import type { CoreContext } from '../context.js';
import { sweepExpiredSessions } from './sweep-expired-sessions.js';

/**
 * Runs sweepExpiredSessions every `intervalMs` (0: never); returns the function that stops it.
 * Every instance sweeps: the delete is idempotent and cheap, so no leader is needed. The timer
 * is unref'd so it never keeps a process alive, and a failed sweep is reported and retried next time.
 */
export function startSessionSweeper(context: CoreContext, intervalMs: number, onError: (error: unknown, operation: string) => void): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpiredSessions(context)
      .catch((error: unknown) => onError(error, 'session sweep'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
