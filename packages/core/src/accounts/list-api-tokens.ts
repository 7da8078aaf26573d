import type { CoreContext } from '../context.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
import { toApiTokenView, type ApiTokenView } from './credential-views.js';

/** The vendor's API tokens, newest first; never the secrets (only their hashes are kept anyway). */
export async function listApiTokens(context: CoreContext, principal: Pick<VendorPrincipal, 'vendorId'>): Promise<ApiTokenView[]> {
  const tokens = await context.persistence.apiTokens.listByVendor(principal.vendorId);
  return tokens.map(toApiTokenView);
}
