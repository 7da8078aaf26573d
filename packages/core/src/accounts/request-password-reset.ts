import type { CoreContext } from '../context.js';
import { passwordResetMail } from '../mail/index.js';
import { countAttempt } from '../shared/throttle.js';
import { validate } from '../shared/validate.js';
import { pageLink, requireMail } from './account-links.js';
import { issueLinkToken, linkLifetimeMs } from './link-tokens.js';
import { countResetForEmail } from './hourly-limits.js';
import { passwordResetRequestSchema } from './schemas.js';

export interface PasswordResetOptions {
  /** Who is asking, for the per-address limit; without it that limit is skipped (scripts, tests). */
  clientAddress?: string | undefined;
}

/**
 * Mails a password reset link (`/reset-password?token=…`, single use, 30 minutes) when the email
 * belongs to an account, and does nothing else otherwise: the caller answers the same either
 * way, so nobody learns which emails have accounts.
 *
 * The answer must not take longer for a known email either, so the request itself only does
 * what is the same for every email (validate, count, queue a job) and touches no database; the
 * job looks the email up, stores the token and sends the mail behind it (Outgoing.defer).
 *
 * `limits.passwordReset` per client address per minute is refused (RateLimitedError), known
 * email or not. Each email gets at most 5 reset mails an hour; beyond that the request is
 * answered as usual and mails nothing (see countResetForEmail), so a stranger cannot keep the
 * owner from resetting. A new request leaves earlier links working.
 */
export async function requestPasswordReset(context: CoreContext, input: unknown, options: PasswordResetOptions = {}): Promise<void> {
  const { email } = validate(passwordResetRequestSchema, input);
  const base = requireMail(context);
  if (options.clientAddress) await countAttempt(context.counters, `password-reset:address:${options.clientAddress}`, context.limits.passwordReset);
  if (!(await countResetForEmail(context, email))) return;
  const requestedAt = context.clock.now();
  context.mail.defer('password-reset', async () => {
    const vendor = await context.persistence.vendors.findByEmail(email);
    if (!vendor) return null;
    const token = await issueLinkToken(context, vendor.id, 'password_reset', { issuedAt: requestedAt });
    const link = pageLink(base, '/reset-password', token);
    return { ...passwordResetMail({ to: vendor.email, locale: vendor.locale, link, expiresInMinutes: linkLifetimeMs.password_reset / 60_000 }), accountId: vendor.id };
  });
}
