import type { CoreContext } from '../context.js';
import { isDomainError } from '../errors.js';
import { validate } from '../shared/validate.js';
import type { AccountTokenPurpose } from '../vendors/account-token-repository.js';
import { findLinkToken } from './link-tokens.js';
import { linkTokenField } from './schemas.js';

/**
 * Whether a mailed link's token would still work (unknown, expired, used or malformed: false),
 * without using it up: a page can say "this link no longer works" when it is opened rather than
 * after a form is filled in. Tokens carry 256 random bits, so answering this helps no guessing.
 */
export async function checkLinkToken(context: CoreContext, token: unknown, purpose: AccountTokenPurpose): Promise<boolean> {
  try {
    await findLinkToken(context, validate(linkTokenField.required(), token), purpose);
    return true;
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}
