import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn, timestampColumns } from './columns.js';

/** Vendors, their stores, every slug a store ever had, sessions and API tokens. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('vendors', (t) => {
    idColumn(t);
    // Stored lower-cased by the service, so a plain unique index is case-insensitive.
    t.string('email', 254).notNullable().unique();
    t.text('password_hash').notNullable();
    instantColumn(t, 'created_at');
  });
  await knex.schema.createTable('stores', (t) => {
    idColumn(t);
    ownerColumn(t, 'vendor_id', 'vendors');
    t.unique(['vendor_id']);
    t.string('slug', 64).notNullable().unique();
    t.string('name', 200).notNullable();
    t.text('description').notNullable().defaultTo('');
    t.string('phone', 32).nullable();
    t.text('pickup_address').notNullable().defaultTo('');
    t.text('logo_url').nullable();
    t.string('currency', 3).notNullable().defaultTo('INR');
    t.integer('delivery_fee').notNullable().defaultTo(0);
    t.integer('free_delivery_above').nullable();
    t.integer('min_order_value').notNullable().defaultTo(0);
    t.boolean('is_open').notNullable().defaultTo(true);
    t.boolean('auto_accept_orders').notNullable().defaultTo(false);
    t.integer('next_order_number').notNullable().defaultTo(1001);
    timestampColumns(t);
  });
  await knex.schema.createTable('store_slugs', (t) => {
    t.string('slug', 64).primary();
    ownerColumn(t, 'store_id', 'stores');
    t.index(['store_id']);
  });
  await knex.schema.createTable('sessions', (t) => {
    idColumn(t);
    ownerColumn(t, 'vendor_id', 'vendors');
    ownerColumn(t, 'store_id', 'stores');
    t.string('token_hash', 128).notNullable().unique();
    instantColumn(t, 'created_at');
    instantColumn(t, 'expires_at').index();
    t.index(['vendor_id']);
  });
  await knex.schema.createTable('api_tokens', (t) => {
    idColumn(t);
    ownerColumn(t, 'vendor_id', 'vendors');
    ownerColumn(t, 'store_id', 'stores');
    t.string('name', 100).notNullable();
    t.string('token_hash', 128).notNullable().unique();
    instantColumn(t, 'created_at');
    t.index(['vendor_id', 'id']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['api_tokens', 'sessions', 'store_slugs', 'stores', 'vendors']) {
    await knex.schema.dropTableIfExists(table);
  }
}
