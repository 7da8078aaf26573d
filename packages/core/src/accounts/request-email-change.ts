import type { CoreContext } from '../context.js';
import { ValidationFailedError } from '../errors.js';
import { emailChangeConfirmMail, emailChangeNoticeMail, emailTakenMail } from '../mail/index.js';
import { validate } from '../shared/validate.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
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
 * used to find out which emails have accounts. At most 5 requests per account per hour.
 */
export async function requestEmailChange(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<{ pendingEmail: string }> {
  const { email, currentPassword } = validate(emailChangeSchema, input);
  const base = requireMail(context);
  const vendor = await requireVendor(context, principal);
  if (email === vendor.email) {
    const message = 'This is already your email address';
    throw new ValidationFailedError(message, [{ path: 'email', message }]);
  }
  await verifyCurrentPassword(context, vendor, currentPassword, 'currentPassword');
  await countEmailChange(context, vendor.id);
  await context.persistence.accountTokens.deleteByVendor(vendor.id, 'email_change');
  if (await context.persistence.vendors.findByEmail(email)) {
    context.mail.send(emailTakenMail({ to: email }));
  } else {
    const token = await issueLinkToken(context, vendor.id, 'email_change', email);
    context.mail.send(emailChangeConfirmMail({ to: email, link: pageLink(base, '/confirm-email', token), oldEmail: vendor.email }));
  }
  context.mail.send(emailChangeNoticeMail({ to: vendor.email, newEmail: email }));
  return { pendingEmail: email };
}
