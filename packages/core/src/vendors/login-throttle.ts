import type { CoreContext } from '../context.js';
import { emailKey } from '../shared/email-key.js';
import { countAttempts, giveBackAttempts, type CountedKey } from '../shared/throttle.js';

export interface LogInOptions {
  /** Who is trying, for the per-address limit; without it that limit is skipped (scripts, tests). */
  clientAddress?: string | undefined;
  /**
   * The id of a device cookie the caller has verified was issued to this same account at an
   * earlier successful login (OWASP's "device cookies"). With it, failures are counted under that
   * device (`login:device:<id>`, same limit) instead of the account, so an attacker who exhausts
   * the account's limit from elsewhere cannot lock the owner out, and a stolen cookie still
   * allows at most the limit of guesses per window. The per-address limit applies either way.
   */
  deviceId?: string | undefined;
  /**
   * When the device cookie carrying `deviceId` was issued (ms since the epoch), as signed into
   * it. A device is trusted only with it, and only when it was issued after the account's
   * password last changed: a reset or change of the password (after a compromise, say) turns
   * every browser that signed in before it back into a new device (counted per account, and
   * its next sign-in mailed), the attacker's included.
   */
  deviceIssuedAt?: number | undefined;
  /**
   * The browser's User-Agent, to name the device in the mail a sign-in without `deviceId` (a
   * device never seen before) sends to the vendor.
   */
  userAgent?: string | null | undefined;
}

/**
 * Counts a login attempt against its address and its account (or, with a verified device cookie,
 * that device instead of the account) *before* the password is checked,
 * atomically across instances, so however a burst arrives at most `limits.login` passwords are
 * ever verified per window. Throws RateLimitedError when over a limit (nothing else counted);
 * resolves the counters taken, which a success gives back so that only failures stay counted.
 * The account's key holds a hash of the email, never the address (see emailKey).
 */
export async function countLoginAttempt(context: CoreContext, email: string, options: LogInOptions): Promise<string[]> {
  const limit = context.limits.login;
  if (limit <= 0) return [];
  const keys: CountedKey[] = [];
  if (options.clientAddress) keys.push({ key: `login:address:${options.clientAddress}`, limit });
  keys.push({ key: options.deviceId ? `login:device:${options.deviceId}` : `login:account:${emailKey(email)}`, limit });
  return countAttempts(context.counters, keys);
}

/** A successful login is not an attempt to guess: its counts are returned. */
export async function giveBackLoginAttempt(context: CoreContext, counted: string[]): Promise<void> {
  await giveBackAttempts(context.counters, counted);
}
