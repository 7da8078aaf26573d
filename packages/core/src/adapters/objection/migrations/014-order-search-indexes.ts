import type { Knex } from 'knex';
import { dialectFor } from '../dialect.js';
import { createTrigramExtension, trigramIndexes, trigramSchema } from '../trigram-indexes.js';

/**
 * PostgreSQL: trigram indexes for the order search, so that it no longer reads every order of
 * the store.
 *
 * The search (`applyOrderListFilters`) matches part of the customer's name in any case
 * (`lower(customer_name) LIKE '%…%'`) or part of the phone (`customer_phone LIKE '%…%'`), or the
 * order number exactly ((store_id, number) is already indexed). A B-tree cannot serve a
 * pattern that starts with `%`; a GIN index of pg_trgm's trigrams can, for any pattern with at
 * least one whole trigram (3 characters; a phone search has at least 6 digits). The name index is
 * on `lower(customer_name)`, the very expression the search compares. The indexes are not
 * per store (that would need btree_gin as well): the planner combines them with the store's
 * B-tree indexes, or walks the store's newest orders when a match is common.
 *
 * pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: a role
 * that may create objects in the database may create it (`createTrigramExtension`: in `public`
 * when allowed, else in the app's schema). Where it cannot be created at all (a managed database
 * without it, no right to create it) the migration passes without the indexes: the search gives
 * the same answers, reading the store's orders as before. `hasTrigramIndexes()` tells which it is;
 * running this migration again (down then up) after the extension was made available adds them.
 *
 * Building the indexes locks writes to `orders` for as long as it takes (15 s for the name and
 * 18 s for the phone at a million orders on the bench's 2-core VM, shared): checkouts wait
 * meanwhile. A database that large can build them beforehand with `CREATE INDEX CONCURRENTLY`
 * under the same names (then this migration finds them and leaves them as they are).
 *
 * New rows go to a GIN index's pending list first (`fastupdate`, the default), merged in when it
 * reaches 4 MB or by autovacuum; with `fastupdate = off` each insert cost about 0.4 ms more on the
 * bench's VM, which every checkout would pay.
 *
 * SQLite: nothing. It has no index for `LIKE '%…%'`; the search reads the store's orders through
 * (store_id, id) there, as before.
 */
export async function up(knex: Knex): Promise<void> {
  if (dialectFor(knex).name !== 'postgresql') return;
  const schema = (await trigramSchema(knex)) ?? (await createTrigramExtension(knex));
  if (schema === null) return;
  // The operator class is named with its schema: the app's search_path need not include it.
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${trigramIndexes.name} ON orders USING gin (lower(customer_name) ??.gin_trgm_ops)`, [schema]);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${trigramIndexes.phone} ON orders USING gin (customer_phone ??.gin_trgm_ops)`, [schema]);
}

/** Leaves the extension: other schemas of the database (or other software) may be using it. */
export async function down(knex: Knex): Promise<void> {
  if (dialectFor(knex).name !== 'postgresql') return;
  await knex.raw(`DROP INDEX IF EXISTS ${trigramIndexes.name}`);
  await knex.raw(`DROP INDEX IF EXISTS ${trigramIndexes.phone}`);
}
