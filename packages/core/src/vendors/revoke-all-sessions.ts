import type { CoreContext } from '../context.js';
import { principalTtlMs, sessionsRevokedKey } from './credential-cache.js';

/**
 * Ends every session of the vendor ("log out everywhere", a password change); resolves how many
 * ended. API tokens are left alone: they are revoked one by one. Cached copies of the sessions
 * are voided by a marker that outlives them, written durably so every instance sees it.
 */
export async function revokeAllSessions(context: CoreContext, vendorId: string): Promise<number> {
  const removed = await context.persistence.sessions.deleteByVendor(vendorId);
  await context.durableWrites.set(sessionsRevokedKey(vendorId), true, principalTtlMs + 5_000);
  return removed;
}
