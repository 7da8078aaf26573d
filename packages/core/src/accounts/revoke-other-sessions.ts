import type { CoreContext } from '../context.js';
import { endSessions } from '../vendors/revoke-all-sessions.js';
import type { VendorPrincipal } from '../vendors/vendor.js';

/** Ends every session of the vendor but the one asking (all of them when asked through an API token); resolves how many ended. */
export function revokeOtherSessions(context: CoreContext, principal: VendorPrincipal): Promise<number> {
  return endSessions(context, principal.vendorId, principal.via === 'session' ? principal.credentialId : undefined);
}
