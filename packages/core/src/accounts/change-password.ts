import { nowIso, type CoreContext } from '../context.js';
import { passwordChangedMail } from '../mail/index.js';
import { validate } from '../shared/validate.js';
import { endSessions } from '../vendors/revoke-all-sessions.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
import { pageLink } from './account-links.js';
import { requireVendor, verifyCurrentPassword } from './current-password.js';
import { checkNewPassword } from './new-password.js';
import { passwordChangeSchema } from './schemas.js';

/**
 * Changes the password of the signed-in vendor, who proves it with the current one (counted,
 * see verifyCurrentPassword). Every other session ends, the one making the change stays
 * (through an API token, every session ends); every pending mailed link dies with the old
 * password (reset links, and an email change someone with the old password may have started);
 * device cookies issued before are no longer trusted at login; the vendor is told by mail, with
 * a way back in if it was not them.
 */
export async function changePassword(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = validate(passwordChangeSchema, input);
  const vendor = await requireVendor(context, principal);
  checkNewPassword(newPassword, vendor.email, 'newPassword', 'New password');
  await verifyCurrentPassword(context, principal, vendor, currentPassword, 'currentPassword');
  const passwordHash = await context.hasher.hash(newPassword);
  const at = nowIso(context);
  await context.persistence.transaction(async (tx) => {
    await tx.vendors.updatePassword(vendor.id, passwordHash, at);
    await tx.accountTokens.deleteByVendor(vendor.id);
  });
  await endSessions(context, vendor.id, principal.via === 'session' ? principal.credentialId : undefined);
  if (context.publicUrl !== null) {
    context.mail.send({ ...passwordChangedMail({ to: vendor.email, locale: vendor.locale, at, resetLink: pageLink(context.publicUrl, '/forgot-password') }), accountId: vendor.id });
  }
}
