import type { Knex } from 'knex';

/**
 * Why an order was cancelled, rejected or returned: a nullable `reason` on its status history
 * entry (the customer's page shows it). Only an added nullable column, the same on PostgreSQL
 * and SQLite, so existing rows need no rewrite. 200 characters, as the schema allows.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_status_history', (t) => {
    t.string('reason', 200).nullable();
  });
}

/** Drops what up added. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_status_history', (t) => t.dropColumn('reason'));
}
