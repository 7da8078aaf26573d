import { nowIso, type CoreContext } from '../context.js';
import { TokenInvalidError } from '../errors.js';
import { passwordChangedMail } from '../mail/index.js';
import { validate } from '../shared/validate.js';
import { endSessions } from '../vendors/revoke-all-sessions.js';
import { pageLink } from './account-links.js';
import { consumeLinkToken, findLinkToken } from './link-tokens.js';
import { checkNewPassword } from './new-password.js';
import { passwordResetSchema } from './schemas.js';

/**
 * Sets a new password from a reset link: TokenInvalidError for an unknown, expired or used
 * token. The password is checked against the policy (with the account's email as context)
 * *before* the token is used, so a refused password leaves the link working for another try.
 * Using the token, setting the hash and deleting every other pending link of the vendor happen
 * in one transaction, so of concurrent confirmations exactly one wins, and an email change
 * started with the old password (by whoever knew it) dies with it. Then every session ends
 * (whoever was signed in with the old password is out), device cookies issued before are no
 * longer trusted at login, and the vendor is told by mail.
 */
export async function resetPassword(context: CoreContext, input: unknown): Promise<void> {
  const { token, password } = validate(passwordResetSchema, input);
  const pending = await findLinkToken(context, token, 'password_reset');
  const vendor = await context.persistence.vendors.findById(pending.vendorId);
  if (!vendor) throw new TokenInvalidError();
  checkNewPassword(password, vendor.email, 'password', 'New password');
  const passwordHash = await context.hasher.hash(password);
  const at = nowIso(context);
  await context.persistence.transaction(async (tx) => {
    await consumeLinkToken(tx, token, 'password_reset', at);
    await tx.vendors.updatePassword(vendor.id, passwordHash, at);
    await tx.accountTokens.deleteByVendor(vendor.id);
  });
  await endSessions(context, vendor.id);
  if (context.publicUrl !== null) {
    context.mail.send({ ...passwordChangedMail({ to: vendor.email, locale: vendor.locale, at, resetLink: pageLink(context.publicUrl, '/forgot-password') }), accountId: vendor.id });
  }
}
