import type { Knex } from 'knex';

/** The order search's trigram indexes (migration 014), PostgreSQL only. */
export const trigramIndexes = {
  /** GIN over `lower(customer_name)`: part of a name, any case. */
  name: 'orders_customer_name_trgm_index',
  /** GIN over `customer_phone`: part of a phone's digits. */
  phone: 'orders_customer_phone_trgm_index',
} as const;

/** The schema pg_trgm is installed in, or null when the database does not have it. */
export async function trigramSchema(knex: Knex): Promise<string | null> {
  const result = (await knex.raw(
    "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
  )) as { rows: Array<{ schema: string }> };
  return result.rows[0]?.schema ?? null;
}

/**
 * SQLSTATEs that mean "not here": no right to create it (42501), not installed on the server
 * (58P01: no control file), not supported (0A000), no such schema (3F000). Anything else (a
 * concurrent first run's 23505, which migrateLatest retries) is thrown.
 */
const cannotCreate = new Set(['42501', '58P01', '0A000', '3F000']);

/**
 * Creates pg_trgm in `public` when allowed (one copy for every schema of the database, which
 * dropping the app's schema does not take along), else in the current schema. Resolves its
 * schema, or null when the database refuses both: the caller then goes without trigram indexes.
 * Each attempt runs in a savepoint of `knex` (the migration's transaction), so a refusal does not
 * abort the migration.
 */
export async function createTrigramExtension(knex: Knex): Promise<string | null> {
  for (const statement of ['CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public', 'CREATE EXTENSION IF NOT EXISTS pg_trgm']) {
    try {
      await knex.transaction(async (savepoint) => {
        await savepoint.raw(statement);
      });
      return await trigramSchema(knex);
    } catch (error) {
      if (!cannotCreate.has(String((error as { code?: unknown }).code))) throw error;
    }
  }
  return null;
}

/** Whether both trigram indexes exist on the `orders` table the connection's search_path finds. */
export async function hasTrigramIndexes(knex: Knex): Promise<boolean> {
  const result = (await knex.raw(
    "SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'orders' AND indexname IN (?, ?)",
    [trigramIndexes.name, trigramIndexes.phone],
  )) as { rows: Array<{ n: number }> };
  return result.rows[0]?.n === 2;
}
