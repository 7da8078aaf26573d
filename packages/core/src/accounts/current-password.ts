import type { CoreContext } from '../context.js';
import { UnauthenticatedError, ValidationFailedError } from '../errors.js';
import { countAttempts, giveBackAttempts } from '../shared/throttle.js';
import type { VendorPrincipal, VendorRecord } from '../vendors/vendor.js';

/** The signed-in vendor with the stored hash; UnauthenticatedError when the account is gone (closed meanwhile). */
export async function requireVendor(context: CoreContext, principal: Pick<VendorPrincipal, 'vendorId'>): Promise<VendorRecord> {
  const vendor = await context.persistence.vendors.findById(principal.vendorId);
  if (!vendor) throw new UnauthenticatedError('This account no longer exists');
  return vendor;
}

/**
 * How many times the per-credential limit one account's checks may reach together: a thief
 * with one stolen session exhausts that session's count long before the account's, so the
 * owner's own session still works, while several stolen credentials together are still held.
 */
const accountFactor = 3;

/**
 * Checks the password a signed-in vendor typed to confirm a sensitive change (change password
 * or email, close the account). A stolen session must not become a way to guess the password,
 * so each try is counted, before it is checked, under keys of its own: per credential
 * (`current-password:credential:<id>`, `limits.login` a minute) and per account
 * (`current-password:account:<id>`, three times that). Failed logins count elsewhere, so a
 * stranger failing logins cannot lock the owner out of these forms, and the owner's typos here
 * do not lock out their logins. RateLimitedError beyond a limit; a right password gives its
 * count back. A wrong one is a ValidationFailedError on `path`, for the form.
 */
export async function verifyCurrentPassword(
  context: CoreContext,
  principal: Pick<VendorPrincipal, 'credentialId'>,
  vendor: VendorRecord,
  password: string,
  path: string,
): Promise<void> {
  const limit = context.limits.login;
  const counted = await countAttempts(context.counters, [
    { key: `current-password:credential:${principal.credentialId}`, limit },
    { key: `current-password:account:${vendor.id}`, limit: limit * accountFactor },
  ]);
  if (!(await context.hasher.verify(password, vendor.passwordHash))) {
    const message = 'The current password is not right';
    throw new ValidationFailedError(message, [{ path, message }]);
  }
  await giveBackAttempts(context.counters, counted);
}
