import type { Knex } from 'knex';
import { freeSlug, slugify } from '../../../catalog/slugify.js';
import { idColumn, ownerColumn, timestampColumns } from './columns.js';

/** Gives every existing product a slug made from its name, unique in its store, oldest first. */
async function backfillSlugs(knex: Knex): Promise<void> {
  const rows = (await knex('products').select('id', 'store_id', 'name').orderBy([{ column: 'store_id' }, { column: 'id' }])) as {
    id: string;
    store_id: string;
    name: string;
  }[];
  const taken = new Map<string, Set<string>>();
  for (const row of rows) {
    const used = taken.get(row.store_id) ?? new Set<string>();
    taken.set(row.store_id, used);
    const slug = freeSlug(slugify(row.name), used);
    used.add(slug);
    await knex('products').where('id', row.id).update({ slug });
    await knex('product_slugs').insert({ store_id: row.store_id, slug, product_id: row.id });
  }
}

/**
 * Variants, readable links, and the variant on order lines.
 *
 * `product_variants` holds what is sold: price, MRP, stock and SKU move there from `products`.
 * Every existing product becomes a product without options whose one (default) variant has the
 * product's own id, so old order lines (which name only the product) name their variant too.
 * SKUs stay unique per store, now across variants.
 *
 * `products` gains `slug` (unique per store) and `options` (JSON). `product_slugs` keeps every slug
 * a product has had, current one included, so an old link still leads to it (301) and no other
 * product of the store can take it. `order_items` gains the variant, its option values and SKU.
 *
 * The moved columns are dropped with `ALTER TABLE … DROP COLUMN` on both databases (see 009).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('product_variants', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    ownerColumn(t, 'product_id', 'products');
    t.integer('position').notNullable().defaultTo(0);
    t.text('options').notNullable().defaultTo('{}');
    t.bigInteger('price').notNullable();
    t.bigInteger('compare_at_price').nullable();
    // NULL: stock is not tracked.
    t.integer('stock').nullable();
    t.string('sku', 64).nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.string('image_key', 200).nullable();
    timestampColumns(t);
    t.unique(['store_id', 'sku']);
    t.index(['product_id', 'position']);
    t.index(['store_id', 'id']);
  });
  await knex.raw(`
    INSERT INTO product_variants (id, store_id, product_id, position, options, price, compare_at_price, stock, sku, active, image_key, created_at, updated_at)
    SELECT id, store_id, id, 0, '{}', price, compare_at_price, stock, sku, ?, NULL, created_at, updated_at FROM products`, [true]);
  await knex.schema.alterTable('products', (t) => {
    t.dropUnique(['store_id', 'sku']);
  });
  for (const column of ['price', 'compare_at_price', 'stock', 'sku']) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['products', column]);
  await knex.schema.alterTable('products', (t) => {
    t.string('slug', 100).notNullable().defaultTo('');
    t.text('options').notNullable().defaultTo('[]');
  });
  await knex.schema.createTable('product_slugs', (t) => {
    ownerColumn(t, 'store_id', 'stores');
    t.string('slug', 100).notNullable();
    ownerColumn(t, 'product_id', 'products');
    t.primary(['store_id', 'slug']);
    t.index(['product_id']);
  });
  await backfillSlugs(knex);
  await knex.schema.alterTable('products', (t) => {
    t.unique(['store_id', 'slug']);
  });
  await knex.schema.alterTable('order_items', (t) => {
    t.string('variant_id', 36).nullable();
    t.text('options').notNullable().defaultTo('{}');
    t.string('sku', 64).nullable();
  });
  await knex('order_items').update({ variant_id: knex.ref('product_id') });
}

/**
 * Drops what up added and gives `products` its price, MRP, stock and SKU back from each
 * product's first variant (the others are lost: a schema without variants cannot hold them).
 */
export async function down(knex: Knex): Promise<void> {
  for (const column of ['variant_id', 'options', 'sku']) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['order_items', column]);
  await knex.schema.dropTableIfExists('product_slugs');
  await knex.schema.alterTable('products', (t) => {
    t.dropUnique(['store_id', 'slug']);
  });
  for (const column of ['slug', 'options']) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['products', column]);
  await knex.schema.alterTable('products', (t) => {
    t.bigInteger('price').notNullable().defaultTo(0);
    t.bigInteger('compare_at_price').nullable();
    t.integer('stock').nullable();
    t.string('sku', 64).nullable();
  });
  const first = (column: string) =>
    knex.raw(`(SELECT v.${column} FROM product_variants v WHERE v.product_id = products.id ORDER BY v.position, v.id LIMIT 1)`);
  await knex('products').update({
    price: knex.raw('COALESCE(?, 0)', [first('price')]),
    compare_at_price: first('compare_at_price'),
    stock: first('stock'),
    sku: first('sku'),
  });
  await knex.schema.dropTableIfExists('product_variants');
  await knex.schema.alterTable('products', (t) => {
    t.unique(['store_id', 'sku']);
  });
}
