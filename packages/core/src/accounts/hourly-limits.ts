import type { CoreContext } from '../context.js';
import { emailKey } from '../shared/email-key.js';
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
 * instances, so however a burst arrives at most `limit` pass per hour. Resolves whether this
 * one is within the limit (one beyond is not kept, so the counter settles at the limit) and
 * the time until the window ends.
 */
async function countHourly(context: CoreContext, key: string, limit: number): Promise<{ allowed: boolean; resetInMs: number }> {
  const { count, resetInMs } = await context.counters.increment(key, hourMs);
  if (count <= limit) return { allowed: true, resetInMs };
  await context.counters.decrement(key);
  return { allowed: false, resetInMs };
}

/**
 * A reset request for this email, known or not; resolves whether a mail may go. Beyond the
 * limit the request is answered as usual and nothing is sent, rather than refused: a refusal
 * would let anyone who knows the address keep its owner from resetting (5 requests an hour
 * from anywhere), and the answer must not differ between known and unknown emails anyway.
 * The key holds a hash of the email, not the address.
 */
export async function countResetForEmail(context: CoreContext, email: string): Promise<boolean> {
  return (await countHourly(context, `password-reset:email:${emailKey(email)}`, resetMailsPerEmail)).allowed;
}

/** An email change request of the vendor; RateLimitedError beyond the limit. */
export async function countEmailChange(context: CoreContext, vendorId: string): Promise<void> {
  const { allowed, resetInMs } = await countHourly(context, `email-change:vendor:${vendorId}`, emailChangesPerAccount);
  if (!allowed) throw tooManyAttempts(resetInMs);
}
