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
 * way, so nobody learns which emails have accounts. Both limits count unknown emails too (a
 * refusal would otherwise tell them apart): `limits.passwordReset` per client address per
 * minute, and 5 per email per hour, which also keeps anyone from flooding a mailbox. The mail is
 * queued, never awaited, so a known email answers as fast as an unknown one; the one insert
 * that remains is hard to time with 5 tries an hour. A new request leaves earlier links working.
 */
export async function requestPasswordReset(context: CoreContext, input: unknown, options: PasswordResetOptions = {}): Promise<void> {
  const { email } = validate(passwordResetRequestSchema, input);
  const base = requireMail(context);
  if (options.clientAddress) await countAttempt(context.counters, `password-reset:address:${options.clientAddress}`, context.limits.passwordReset);
  await countResetForEmail(context, email);
  const vendor = await context.persistence.vendors.findByEmail(email);
  if (!vendor) return;
  const token = await issueLinkToken(context, vendor.id, 'password_reset');
  context.mail.send(
    passwordResetMail({
      to: vendor.email,
      link: pageLink(base, '/reset-password', token),
      expiresInMinutes: linkLifetimeMs.password_reset / 60_000,
    }),
  );
}
