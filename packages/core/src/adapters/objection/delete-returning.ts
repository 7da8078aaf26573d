import type { Knex } from 'knex';

/**
 * Deletes the row matching `where` and resolves it as it was, or null. knex ignores
 * `DELETE … RETURNING` on SQLite, so this reads first; only the caller whose DELETE removed
 * the row gets it back, also when two race.
 */
export async function deleteReturning(db: Knex, table: string, where: Record<string, string>): Promise<Record<string, unknown> | null> {
  const row = (await db(table).where(where).first()) as Record<string, unknown> | undefined;
  if (!row) return null;
  const deleted = await db(table).where(where).delete();
  return deleted > 0 ? row : null;
}
