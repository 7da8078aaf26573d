import { nowIso, type CoreContext } from '../context.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
import { toSessionView, type SessionView } from './credential-views.js';

/** The vendor's live sessions, the current one first, then the most recently seen. */
export async function listSessions(context: CoreContext, principal: VendorPrincipal): Promise<SessionView[]> {
  const now = nowIso(context);
  const sessions = await context.persistence.sessions.listByVendor(principal.vendorId);
  return sessions
    .filter((session) => session.expiresAt > now)
    .map((session) => toSessionView(session, principal))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt) || b.id.localeCompare(a.id));
}
