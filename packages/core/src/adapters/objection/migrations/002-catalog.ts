import type { Knex } from 'knex';
import { idColumn, ownerColumn, timestampColumns } from './columns.js';

/** Categories and products. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('categories', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.string('name', 200).notNullable();
    t.integer('position').notNullable().defaultTo(0);
    timestampColumns(t);
    t.index(['store_id', 'position', 'id']);
  });
  await knex.schema.createTable('products', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.string('category_id', 36).nullable().references('id').inTable('categories').onDelete('SET NULL');
    t.string('name', 200).notNullable();
    t.text('description').notNullable().defaultTo('');
    t.integer('price').notNullable();
    t.integer('compare_at_price').nullable();
    // NULL: stock is not tracked.
    t.integer('stock').nullable();
    t.string('sku', 64).nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('position').notNullable().defaultTo(0);
    t.text('images').notNullable().defaultTo('[]');
    timestampColumns(t);
    // NULLs are distinct in a unique index on both databases: products without a SKU never collide.
    t.unique(['store_id', 'sku']);
    t.index(['store_id', 'id']);
    t.index(['store_id', 'position', 'id']);
    t.index(['category_id']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('products');
  await knex.schema.dropTableIfExists('categories');
}
