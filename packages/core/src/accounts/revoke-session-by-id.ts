import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { credentialCacheKey } from '../vendors/credential-cache.js';
import type { VendorPrincipal } from '../vendors/vendor.js';

/** Ends one of the vendor's sessions (from the session list) everywhere; NotFoundError when the vendor has no such session. */
export async function revokeSessionById(context: CoreContext, principal: Pick<VendorPrincipal, 'vendorId'>, id: string): Promise<void> {
  const removed = await context.persistence.sessions.deleteById(principal.vendorId, id);
  if (!removed) throw new NotFoundError('No such session');
  await context.durableWrites.delete(credentialCacheKey('session', removed.tokenHash));
}
