import type { CoreContext } from '../context.js';
import { countAttempt } from '../shared/throttle.js';

export interface LogInOptions {
  /** Who is trying, for the per-address limit; without it that limit is skipped (scripts, tests). */
  clientAddress?: string | undefined;
  /**
   * The caller vouches that this device logged in to this account before (a signed device
   * cookie, OWASP's "device cookies"): the per-account limit is skipped, so an attacker who
   * exhausts it from elsewhere cannot lock the owner out. The per-address limit still applies.
   */
  trustedDevice?: boolean | undefined;
}

/**
 * Counts a login attempt against its address and its account *before* the password is checked,
 * atomically across instances, so however a burst arrives at most `limits.login` passwords are
 * ever verified per window. Throws RateLimitedError when over a limit (nothing else counted);
 * resolves the counters taken, which a success gives back so that only failures stay counted.
 */
export async function countLoginAttempt(context: CoreContext, email: string, options: LogInOptions): Promise<string[]> {
  const limit = context.limits.login;
  if (limit <= 0) return [];
  const keys: string[] = [];
  if (options.clientAddress) keys.push(`login:address:${options.clientAddress}`);
  if (!options.trustedDevice) keys.push(`login:account:${email}`);
  const counted: string[] = [];
  try {
    for (const key of keys) {
      await countAttempt(context.counters, key, limit);
      counted.push(key);
    }
  } catch (error) {
    // Refused before any check: the attempt counts against nothing.
    await giveBackLoginAttempt(context, counted);
    throw error;
  }
  return counted;
}

/** A successful login is not an attempt to guess: its counts are returned. */
export async function giveBackLoginAttempt(context: CoreContext, counted: string[]): Promise<void> {
  await Promise.all(counted.map((key) => context.counters.decrement(key)));
}
