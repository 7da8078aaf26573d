import type { CoreContext } from '../context.js';
import { principalTtlMs, sessionsRevokedKey } from './credential-cache.js';

/**
 * Ends the vendor's sessions, all of them or all but `exceptId`; resolves how many ended.
 * Cached copies cannot be found by vendor, so they are voided by a marker that outlives them,
 * written durably so every instance sees it; a kept session is simply read from the database
 * again while the marker lives.
 */
export async function endSessions(context: CoreContext, vendorId: string, exceptId?: string): Promise<number> {
  const removed = await context.persistence.sessions.deleteByVendor(vendorId, exceptId);
  await context.durableWrites.set(sessionsRevokedKey(vendorId), true, principalTtlMs + 5_000);
  return removed;
}

/**
 * Ends every session of the vendor ("log out everywhere", a password reset); resolves how many
 * ended. API tokens are left alone: they are revoked one by one.
 */
export function revokeAllSessions(context: CoreContext, vendorId: string): Promise<number> {
  return endSessions(context, vendorId);
}
