import type { CoreContext } from '../context.js';
import { UnauthenticatedError, ValidationFailedError } from '../errors.js';
import { countLoginAttempt, giveBackLoginAttempt } from '../vendors/login-throttle.js';
import type { VendorPrincipal, VendorRecord } from '../vendors/vendor.js';

/** The signed-in vendor with the stored hash; UnauthenticatedError when the account is gone (closed meanwhile). */
export async function requireVendor(context: CoreContext, principal: Pick<VendorPrincipal, 'vendorId'>): Promise<VendorRecord> {
  const vendor = await context.persistence.vendors.findById(principal.vendorId);
  if (!vendor) throw new UnauthenticatedError('This account no longer exists');
  return vendor;
}

/**
 * Checks the password a signed-in vendor typed to confirm a sensitive change. A stolen session
 * must not become a way to guess the password, so each try is counted like a login of the
 * account (the same counter: `limits.login` per minute, RateLimitedError beyond) and a right
 * one gives its count back. A wrong one is a ValidationFailedError on `path`, for the form.
 */
export async function verifyCurrentPassword(context: CoreContext, vendor: VendorRecord, password: string, path: string): Promise<void> {
  const counted = await countLoginAttempt(context, vendor.email, {});
  if (!(await context.hasher.verify(password, vendor.passwordHash))) {
    const message = 'The current password is not right';
    throw new ValidationFailedError(message, [{ path, message }]);
  }
  await giveBackLoginAttempt(context, counted);
}
