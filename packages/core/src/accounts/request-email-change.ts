import type { CoreContext } from '../context.js';
import { ValidationFailedError } from '../errors.js';
import { emailChangeConfirmMail, emailChangeNoticeMail, emailTakenMail, type MailMessage } from '../mail/index.js';
import { validate } from '../shared/validate.js';
import type { VendorPrincipal, VendorRecord } from '../vendors/vendor.js';
import { pageLink, requireMail } from './account-links.js';
import { requireVendor, verifyCurrentPassword } from './current-password.js';
import { issueLinkToken } from './link-tokens.js';
import { countEmailChange } from './hourly-limits.js';
import { emailChangeSchema } from './schemas.js';

/**
 * Starts an email change: the new address gets a confirmation link (`/confirm-email?token=…`,
 * 24 hours, single use; only the latest request's link works) and the change happens when it
 * is followed, so a typo or someone else's address never takes over the account; the old
 * address gets a notice. When another account already uses the new address, that address is
 * told so instead of getting a link, and the answer here is the same, so the form cannot be
 * used to find out which emails have accounts: whether the address is taken is looked up by a
 * deferred job (Outgoing.defer), so the request's time does not tell either. At most 5 requests
 * per account per hour. A password reset or change before the link is followed cancels it.
 */
export async function requestEmailChange(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<{ pendingEmail: string }> {
  const { email, currentPassword } = validate(emailChangeSchema, input);
  const base = requireMail(context);
  const vendor = await requireVendor(context, principal);
  if (email === vendor.email) {
    const message = 'This is already your email address';
    throw new ValidationFailedError(message, [{ path: 'email', message }]);
  }
  await verifyCurrentPassword(context, principal, vendor, currentPassword, 'currentPassword');
  await countEmailChange(context, vendor.id);
  const requestedAt = context.clock.now();
  context.mail.defer('email-change-confirm', () => confirmationOrRefusal(context, base, vendor, email, requestedAt));
  context.mail.send({ ...emailChangeNoticeMail({ to: vendor.email, newEmail: email, locale: vendor.locale }), accountId: vendor.id });
  return { pendingEmail: email };
}

/**
 * The mail for the new address, after the pending request's link is replaced: a confirmation
 * link, or, when another account uses the address, word of that (about that other account: the
 * mail holds its address, and nothing of the account asking).
 */
async function confirmationOrRefusal(context: CoreContext, base: string, vendor: VendorRecord, email: string, requestedAt: Date): Promise<MailMessage> {
  await context.persistence.accountTokens.deleteByVendor(vendor.id, 'email_change');
  const owner = await context.persistence.vendors.findByEmail(email);
  if (owner) return { ...emailTakenMail({ to: email, locale: owner.locale }), accountId: owner.id };
  const token = await issueLinkToken(context, vendor.id, 'email_change', { newEmail: email, issuedAt: requestedAt });
  return { ...emailChangeConfirmMail({ to: email, link: pageLink(base, '/confirm-email', token), oldEmail: vendor.email, locale: vendor.locale }), accountId: vendor.id };
}
