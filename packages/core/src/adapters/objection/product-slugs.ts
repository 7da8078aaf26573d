import type { Knex } from 'knex';
import type { SlugMatch } from '../../catalog/product-repository.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/**
 * Records `slug` as one of the product's slugs (a no-op when it already is one of its own);
 * ConflictError (path `slug`) when another product of the store has or had it.
 */
export async function recordSlug(db: Knex, storeId: string, productId: string, slug: string): Promise<void> {
  const row = (await db('product_slugs').where({ store_id: storeId, slug }).first('product_id')) as { product_id: string } | undefined;
  if (row?.product_id === productId) return;
  await withUniqueFields([uniqueFields.productSlug], () => db('product_slugs').insert({ store_id: storeId, slug, product_id: productId }));
}

export async function findSlug(db: Knex, storeId: string, slug: string): Promise<SlugMatch | null> {
  const row = (await db('product_slugs as s')
    .join('products as p', 'p.id', 's.product_id')
    .where({ 's.store_id': storeId, 's.slug': slug })
    .first('p.id', 'p.slug')) as { id: string; slug: string } | undefined;
  return row ? { productId: row.id, current: row.slug === slug } : null;
}

/** The store's slugs equal to `base` or starting `base-` (a superset of `base-<n>`; callers check). */
export async function slugsLike(db: Knex, storeId: string, base: string): Promise<string[]> {
  const escaped = base.replace(/[!%_]/g, (c) => `!${c}`);
  const rows = (await db('product_slugs')
    .where('store_id', storeId)
    .where((q) => q.where('slug', base).orWhereRaw("slug like ? escape '!'", [`${escaped}-%`]))
    .select('slug')) as { slug: string }[];
  return rows.map((row) => row.slug);
}
