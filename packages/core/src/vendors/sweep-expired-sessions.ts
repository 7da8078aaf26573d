import { nowIso, type CoreContext } from '../context.js';

/**
 * Deletes sessions that have expired; resolves how many. Expired sessions already fail to
 * resolve, so this only keeps the table from growing: createDukaan runs it on a schedule.
 */
export function sweepExpiredSessions(context: CoreContext): Promise<number> {
  return context.persistence.sessions.deleteExpired(nowIso(context));
}
