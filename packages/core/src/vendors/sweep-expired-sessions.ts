import { nowIso, type CoreContext } from '../context.js';

/**
 * Deletes sessions that have expired, and expired mailed-link tokens (a pending email change
 * holds an address); resolves how many sessions went. Expired ones already fail to resolve, so
 * this only keeps the tables from growing: createDukaan runs it on a schedule.
 */
export async function sweepExpiredSessions(context: CoreContext): Promise<number> {
  const now = nowIso(context);
  const [sessions] = await Promise.all([context.persistence.sessions.deleteExpired(now), context.persistence.accountTokens.deleteExpired(now)]);
  return sessions;
}
