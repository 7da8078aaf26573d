import type { Counters } from '../cache/ports.js';
import { RateLimitedError } from '../errors.js';

/** Every limit counts attempts in fixed one-minute windows. */
export const throttleWindowMs = 60_000;

export function tooManyAttempts(resetInMs: number): RateLimitedError {
  return new RateLimitedError('Too many attempts; try again shortly', Math.max(1, Math.ceil(resetInMs / 1000)));
}

/**
 * Counts one attempt against `key` before the work it guards, so a parallel burst cannot slip
 * past: the counter is atomic across instances. Throws RateLimitedError once more than `limit`
 * arrived in the window (a minute unless `windowMs` says otherwise); a limit of 0 turns the
 * check off. The refused attempt is not kept, so the counter settles at the limit instead of
 * growing with a flood. Resolves whether the attempt was counted (false when the limit is off),
 * so a caller knows what to give back.
 */
export async function countAttempt(counters: Counters, key: string, limit: number, windowMs: number = throttleWindowMs): Promise<boolean> {
  if (limit <= 0) return false;
  const { count, resetInMs } = await counters.increment(key, windowMs);
  if (count > limit) {
    await counters.decrement(key);
    throw tooManyAttempts(resetInMs);
  }
  return true;
}

/** One counter of an attempt and its limit per minute. */
export interface CountedKey {
  key: string;
  limit: number;
}

/**
 * Counts one attempt against each key in turn (see countAttempt; a limit of 0 skips its key).
 * When one refuses, those already counted are given back (the attempt counts against nothing)
 * and its RateLimitedError is thrown. Resolves the keys counted, for giveBackAttempts.
 */
export async function countAttempts(counters: Counters, keys: readonly CountedKey[]): Promise<string[]> {
  const counted: string[] = [];
  try {
    for (const { key, limit } of keys) {
      if (await countAttempt(counters, key, limit)) counted.push(key);
    }
  } catch (error) {
    await giveBackAttempts(counters, counted);
    throw error;
  }
  return counted;
}

/** Takes one attempt back from each key: a success is not a guess, so only failures stay counted. */
export async function giveBackAttempts(counters: Counters, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => counters.decrement(key)));
}
