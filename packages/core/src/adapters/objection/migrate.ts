import type { Knex } from 'knex';
import { dialectFor } from './dialect.js';
import * as vendors from './migrations/001-vendors.js';
import * as catalog from './migrations/002-catalog.js';
import * as orders from './migrations/003-orders.js';
import * as hardening from './migrations/004-hardening.js';
import * as accounts from './migrations/005-accounts.js';
import * as orderReasons from './migrations/006-order-reasons.js';
import * as outbox from './migrations/007-outbox.js';
import * as webhooks from './migrations/008-webhooks.js';
import * as payments from './migrations/009-payments.js';
import * as variants from './migrations/010-variants.js';
import * as checkoutDepth from './migrations/011-checkout-depth.js';
import * as orderNumberSequences from './migrations/012-order-number-sequences.js';
import * as orderSearchIndexes from './migrations/014-order-search-indexes.js';
import * as locales from './migrations/015-locales.js';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Imported as modules rather than read from a directory, so they run the same from src/ and dist/.
const migrations: Migration[] = [
  { name: '001-vendors', ...vendors },
  { name: '002-catalog', ...catalog },
  { name: '003-orders', ...orders },
  { name: '004-hardening', ...hardening },
  { name: '005-accounts', ...accounts },
  { name: '006-order-reasons', ...orderReasons },
  { name: '007-outbox', ...outbox },
  { name: '008-webhooks', ...webhooks },
  { name: '009-payments', ...payments },
  { name: '010-variants', ...variants },
  { name: '011-checkout-depth', ...checkoutDepth },
  { name: '012-order-number-sequences', ...orderNumberSequences },
  { name: '014-order-search-indexes', ...orderSearchIndexes },
  { name: '015-locales', ...locales },
];

/** Every migration, in order; exported for tests that stop at an earlier one. */
export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: () => Promise.resolve(migrations),
  getMigrationName: (migration) => migration.name,
  getMigration: (migration) => Promise.resolve(migration),
};

/** Another process migrating the same database by other means (an older release without the lock). */
function isMigrationRace(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  // 42P07 / 42710 / 42723 / 23505: two first runs creating the same tables, types, functions or
  // schema at once; 40P01: their DDL deadlocked and PostgreSQL aborted one of them.
  return name === 'MigrationLocked' || ['42P07', '42710', '42723', '23505', '40P01'].includes(String(code));
}

/**
 * Brings the schema up to date; a no-op when it already is. Processes starting at once take
 * turns (on PostgreSQL behind an advisory lock), and the later ones find nothing left to do.
 * `waitMs` (default 60 s) bounds the wait for the others.
 */
export async function migrateLatest(knex: Knex, options: { waitMs?: number } = {}): Promise<void> {
  const waitMs = options.waitMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  const dialect = dialectFor(knex);
  for (;;) {
    try {
      await dialect.whileMigrating(knex, waitMs, () => knex.migrate.latest({ migrationSource }));
      return;
    } catch (error) {
      if (!isMigrationRace(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
    }
  }
}
