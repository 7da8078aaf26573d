import type { CoreContext } from '../context.js';
import { credentialCacheKey, hashToken } from './credential-cache.js';

/** Ends the session in the database and the shared cache, so every instance forgets it. */
export async function revokeSession(context: CoreContext, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await context.persistence.sessions.delete(tokenHash);
  await context.durableWrites.delete(credentialCacheKey('session', tokenHash));
}
