import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn, timestampColumns } from './columns.js';

/** Orders, their lines (snapshots: no reference to products) and their status history. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.integer('number').notNullable();
    t.string('token', 64).notNullable();
    t.string('status', 16).notNullable();
    t.string('customer_name', 200).notNullable();
    t.string('customer_phone', 32).notNullable();
    t.string('customer_email', 254).nullable();
    t.text('customer_address').notNullable();
    t.string('customer_pincode', 16).notNullable();
    t.integer('subtotal').notNullable();
    t.integer('delivery_fee').notNullable();
    t.integer('total').notNullable();
    t.string('currency', 3).notNullable();
    t.string('payment_method', 16).notNullable();
    t.text('note').nullable();
    t.string('idempotency_key', 200).nullable();
    timestampColumns(t);
    t.unique(['store_id', 'number']);
    t.unique(['store_id', 'token']);
    // Orders without a key never collide: NULLs are distinct in a unique index.
    t.unique(['store_id', 'idempotency_key']);
    t.index(['store_id', 'status', 'id']);
    t.index(['store_id', 'id']);
    t.index(['store_id', 'created_at']);
  });
  await knex.schema.createTable('order_items', (t) => {
    ownerColumn(t, 'order_id', 'orders');
    t.integer('position').notNullable();
    t.string('product_id', 36).notNullable();
    t.string('name', 200).notNullable();
    t.integer('unit_price').notNullable();
    t.integer('quantity').notNullable();
    t.integer('line_total').notNullable();
    t.primary(['order_id', 'position']);
  });
  await knex.schema.createTable('order_status_history', (t) => {
    t.increments('id');
    ownerColumn(t, 'order_id', 'orders');
    t.string('status', 16).notNullable();
    instantColumn(t, 'at');
    t.index(['order_id', 'id']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('order_status_history');
  await knex.schema.dropTableIfExists('order_items');
  await knex.schema.dropTableIfExists('orders');
}
