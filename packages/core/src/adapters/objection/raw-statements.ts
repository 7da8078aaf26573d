import type { Knex } from 'knex';

/**
 * The rows of a raw statement (a SELECT, or a write with RETURNING): PostgreSQL answers
 * `{ rows }`, better-sqlite3 the rows themselves.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] } | undefined)?.rows ?? []) as T[];
}

/** How many rows a raw UPDATE or DELETE changed: PostgreSQL's `rowCount`, better-sqlite3's `changes`. */
export function changedCount(result: unknown): number {
  const { rowCount, changes } = (result ?? {}) as { rowCount?: unknown; changes?: unknown };
  return Number(rowCount ?? changes ?? 0);
}

/**
 * The first row of a raw SELECT, or null. For the reads of every checkout and every order mail
 * (a store, a coupon, a vendor by key): knex's query builder and objection's query pipeline cost
 * about twice the CPU of the statement itself there (bench/README.md, issue 15), while the row is
 * still turned into a model by the model's own `fromDatabaseJson`, the conversion objection uses.
 */
export async function firstRow<T>(db: Knex, sql: string, bindings: readonly Knex.Value[]): Promise<T | null> {
  return rowsOf<T>(await db.raw(sql, bindings as Knex.Value[]))[0] ?? null;
}
