import type { CoreContext } from '../context.js';
import { tooManyAttempts } from '../shared/throttle.js';

// Limits on mail a request makes someone receive, per hour and fixed: they protect mailboxes
// (and the sender's reputation) rather than passwords, so they are not options.

const hourMs = 3600_000;

/** Reset mails one email may get per hour: enough to retry, too few to flood a mailbox. */
export const resetMailsPerEmail = 5;
/** Email change requests per account per hour: each mails two addresses, one of them anyone's. */
export const emailChangesPerAccount = 5;

/**
 * Counts one request against `key` before anything is looked up or sent, atomically across
 * instances, so however a burst arrives at most `limit` pass per hour; RateLimitedError beyond
 * (the refused request is not kept, so the counter settles at the limit).
 */
async function countHourly(context: CoreContext, key: string, limit: number): Promise<void> {
  const { count, resetInMs } = await context.counters.increment(key, hourMs);
  if (count > limit) {
    await context.counters.decrement(key);
    throw tooManyAttempts(resetInMs);
  }
}

/** A reset request for this email, known or not (a refusal must not tell them apart). */
export function countResetForEmail(context: CoreContext, email: string): Promise<void> {
  return countHourly(context, `password-reset:email:${email}`, resetMailsPerEmail);
}

/** An email change request of the vendor. */
export function countEmailChange(context: CoreContext, vendorId: string): Promise<void> {
  return countHourly(context, `email-change:vendor:${vendorId}`, emailChangesPerAccount);
}
