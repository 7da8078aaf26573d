import type { Knex } from 'knex';

/**
 * Languages (issue 14): `stores.locale` is the language customers see the store and get their
 * order mails in until they choose one; `vendors.locale` is the vendor's own, for the dashboard
 * and the mails they get. Both 'en' or 'hi', default 'en': every existing store and vendor keeps
 * the English it had.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stores', (t) => {
    t.string('locale', 8).notNullable().defaultTo('en');
  });
  await knex.schema.alterTable('vendors', (t) => {
    t.string('locale', 8).notNullable().defaultTo('en');
  });
}

/** Drops the columns with `ALTER TABLE … DROP COLUMN` on both databases, as 009 does (no SQLite table rebuild). */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['stores', 'vendors']) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table, 'locale']);
}
