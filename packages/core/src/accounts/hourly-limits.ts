import type { CoreContext } from '../context.js';
import { emailKey } from '../shared/email-key.js';
import { RateLimitedError } from '../errors.js';
import { countAttempt } from '../shared/throttle.js';

// Limits on mail a request makes someone receive, per hour and fixed: they protect mailboxes
// (and the sender's reputation) rather than passwords, so they are not options.

const hourMs = 3600_000;

/** Reset mails one email may get per hour: enough to retry, too few to flood a mailbox. */
export const resetMailsPerEmail = 5;
/** Email change requests per account per hour: each mails two addresses, one of them anyone's. */
export const emailChangesPerAccount = 5;

/**
 * A reset request for this email, known or not; resolves whether a mail may go. Beyond the
 * limit the request is answered as usual and nothing is sent, rather than refused: a refusal
 * would let anyone who knows the address keep its owner from resetting (5 requests an hour
 * from anywhere), and the answer must not differ between known and unknown emails anyway.
 * The key holds a hash of the email, not the address.
 */
export async function countResetForEmail(context: CoreContext, email: string): Promise<boolean> {
  try {
    return await countAttempt(context.counters, `password-reset:email:${emailKey(email)}`, resetMailsPerEmail, hourMs);
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
}

/** An email change request of the vendor; RateLimitedError beyond the limit. */
export async function countEmailChange(context: CoreContext, vendorId: string): Promise<void> {
  await countAttempt(context.counters, `email-change:vendor:${vendorId}`, emailChangesPerAccount, hourMs);
}
