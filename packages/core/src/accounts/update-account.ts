import type { CoreContext } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { getAccount, type Account } from '../vendors/get-account.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
import { accountUpdateSchema } from './schemas.js';

/**
 * Changes the vendor's own settings (their language: the dashboard's and their mails'); they
 * apply from the next page and mail. Resolves the account as getAccount does.
 */
export async function updateAccount(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<Account> {
  const { locale } = validate(accountUpdateSchema, input);
  if (!(await context.persistence.vendors.updateLocale(principal.vendorId, locale))) throw new UnauthenticatedError('This account no longer exists');
  return getAccount(context, principal);
}
