import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn } from './columns.js';

/** A nullable instant (`YYYY-MM-DDTHH:mm:ss.sssZ`). */
function optionalInstant(table: Knex.AlterTableBuilder | Knex.CreateTableBuilder, name: string): void {
  table.string(name, 24).nullable();
}

/**
 * Vendor accounts: the device and last use of each session and API token (with a token's
 * recognisable prefix), erasure marks (a closed account, a closed store, an order whose
 * customer was erased), and the single-use tokens of mailed links. Only added nullable columns
 * and a new table, the same on PostgreSQL and SQLite, so existing rows need no rewrite.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.string('user_agent', 256).nullable();
    optionalInstant(t, 'last_seen_at');
  });
  await knex.schema.alterTable('api_tokens', (t) => {
    // `dk_` and 8 characters; null for tokens made before.
    t.string('prefix', 16).nullable();
    optionalInstant(t, 'last_used_at');
  });
  await knex.schema.alterTable('vendors', (t) => {
    optionalInstant(t, 'deleted_at');
    optionalInstant(t, 'password_changed_at');
  });
  await knex.schema.alterTable('stores', (t) => optionalInstant(t, 'closed_at'));
  await knex.schema.alterTable('orders', (t) => optionalInstant(t, 'customer_erased_at'));
  await knex.schema.createTable('account_tokens', (t) => {
    idColumn(t);
    ownerColumn(t, 'vendor_id', 'vendors');
    t.string('purpose', 16).notNullable();
    // SHA-256, base64url: the token itself is only ever in the mail.
    t.string('token_hash', 128).notNullable().unique();
    t.string('new_email', 254).nullable();
    instantColumn(t, 'created_at');
    instantColumn(t, 'expires_at').index();
    optionalInstant(t, 'used_at');
    t.index(['vendor_id', 'purpose']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('account_tokens');
  await knex.schema.alterTable('orders', (t) => t.dropColumn('customer_erased_at'));
  await knex.schema.alterTable('stores', (t) => t.dropColumn('closed_at'));
  await knex.schema.alterTable('vendors', (t) => t.dropColumns('deleted_at', 'password_changed_at'));
  await knex.schema.alterTable('api_tokens', (t) => t.dropColumns('prefix', 'last_used_at'));
  await knex.schema.alterTable('sessions', (t) => t.dropColumns('user_agent', 'last_seen_at'));
}
