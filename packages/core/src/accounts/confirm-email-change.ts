import { nowIso, type CoreContext } from '../context.js';
import { TokenInvalidError } from '../errors.js';
import { validate } from '../shared/validate.js';
import type { AccountTokenRecord } from '../vendors/account-token-repository.js';
import type { VendorRecord } from '../vendors/vendor.js';
import { consumeLinkToken } from './link-tokens.js';
import { emailConfirmSchema } from './schemas.js';

/**
 * Whether the password changed since the token was asked for: then whoever asked knew a password
 * that is no longer right (a thief the owner evicted by resetting it), and the change must not
 * happen. Resetting and changing the password delete pending links too; this also covers a
 * link stored after that delete (a request racing the reset). The same instant counts as
 * after: which came first cannot be told, and refusing is the safe side.
 */
function outdated(record: AccountTokenRecord, vendor: VendorRecord): boolean {
  return vendor.passwordChangedAt !== null && record.createdAt <= vendor.passwordChangedAt;
}

/**
 * Completes an email change from the link mailed to the new address (following it proves the
 * mailbox, so no sign-in is needed): TokenInvalidError for an unknown, expired or used token,
 * or one asked for before the password last changed (see outdated); ConflictError (path
 * `email`) when another account took the address meanwhile. Every pending link of the vendor
 * dies with it: reset links went to the old address.
 */
export async function confirmEmailChange(context: CoreContext, input: unknown): Promise<{ email: string }> {
  const { token } = validate(emailConfirmSchema, input);
  const at = nowIso(context);
  return context.persistence.transaction(async (tx) => {
    const record = await consumeLinkToken(tx, token, 'email_change', at);
    const vendor = await tx.vendors.findById(record.vendorId);
    if (!vendor || record.newEmail === null || outdated(record, vendor)) throw new TokenInvalidError();
    if (!(await tx.vendors.updateEmail(vendor.id, record.newEmail))) throw new TokenInvalidError();
    await tx.accountTokens.deleteByVendor(vendor.id);
    return { email: record.newEmail };
  });
}
