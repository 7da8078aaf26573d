/**
 * When a failed delivery is tried again: the n-th failure waits a random time between 0 and
 * min(capMs, baseMs * 2^(n-1)) ("full jitter", so receivers coming back from an outage are not
 * hit by every delivery at once). After `attempts` attempts the delivery is dead.
 * Defaults: 20 attempts, 30 s doubling, capped at 4 h: about 22 h on average, 44 h at most.
 */
export interface RetrySchedule {
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const defaultRetrySchedule: RetrySchedule = { attempts: 20, baseMs: 30_000, capMs: 4 * 3600_000 };

/** The wait after failed attempt number `attempt` (1 for the first); `random` is in [0, 1). */
export function retryDelayMs(schedule: RetrySchedule, attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(schedule.capMs, schedule.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random * ceiling);
}
