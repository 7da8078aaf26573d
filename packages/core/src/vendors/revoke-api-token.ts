import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { credentialCacheKey } from './credential-cache.js';

/** Revokes the vendor's API token everywhere; NotFoundError when the vendor has no such token. */
export async function revokeApiToken(context: CoreContext, vendorId: string, id: string): Promise<void> {
  const removed = await context.persistence.apiTokens.delete(vendorId, id);
  if (!removed) throw new NotFoundError('No such API token');
  await context.durableWrites.delete(credentialCacheKey('token', removed.tokenHash));
}
