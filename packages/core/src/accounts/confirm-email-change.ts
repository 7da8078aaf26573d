import { nowIso, type CoreContext } from '../context.js';
import { TokenInvalidError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { consumeLinkToken } from './link-tokens.js';
import { emailConfirmSchema } from './schemas.js';

/**
 * Completes an email change from the link mailed to the new address (following it proves the
 * mailbox, so no sign-in is needed): TokenInvalidError for an unknown, expired or used token,
 * ConflictError (path `email`) when another account took the address meanwhile. Every pending
 * link of the vendor dies with it: reset links went to the old address.
 */
export async function confirmEmailChange(context: CoreContext, input: unknown): Promise<{ email: string }> {
  const { token } = validate(emailConfirmSchema, input);
  const at = nowIso(context);
  return context.persistence.transaction(async (tx) => {
    const record = await consumeLinkToken(tx, token, 'email_change', at);
    if (record.newEmail === null || !(await tx.vendors.updateEmail(record.vendorId, record.newEmail))) throw new TokenInvalidError();
    await tx.accountTokens.deleteByVendor(record.vendorId);
    return { email: record.newEmail };
  });
}
