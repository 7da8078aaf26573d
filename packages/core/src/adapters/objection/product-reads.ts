import type { Knex } from 'knex';
import type { Product, ProductVariant } from '../../catalog/product.js';
import { ProductModel } from './models/product-model.js';
import { VariantModel } from './models/variant-model.js';

const variantColumns = ['id', 'options', 'price', 'compare_at_price', 'stock', 'sku', 'active', 'image_key', 'position'] as const;
const prefix = 'v__';

/**
 * Products with their variants in one query (a join; the store page and checkout read this way,
 * so neither pays a second round trip). `scope` narrows `products as p`; rows come back in
 * `order`, each product's variants by position. Every product has at least one variant.
 */
export async function readProducts(db: Knex, scope: (query: Knex.QueryBuilder) => void, order: 'position' | 'id'): Promise<Product[]> {
  const query = db('products as p')
    .join('product_variants as v', 'v.product_id', 'p.id')
    .select('p.*', ...variantColumns.map((column) => `v.${column} as ${prefix}${column}`));
  scope(query);
  const first = order === 'position' ? [{ column: 'p.position' }, { column: 'p.id' }] : [{ column: 'p.id' }];
  const rows = (await query.orderBy([...first, { column: 'v.position' }, { column: 'v.id' }])) as Record<string, unknown>[];
  const products = new Map<string, { model: ProductModel; variants: ProductVariant[] }>();
  for (const row of rows) {
    const own: Record<string, unknown> = {};
    const variant: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith(prefix)) variant[key.slice(prefix.length)] = value;
      else own[key] = value;
    }
    const id = own['id'] as string;
    let entry = products.get(id);
    if (!entry) {
      entry = { model: ProductModel.fromDatabaseJson(own), variants: [] };
      products.set(id, entry);
    }
    entry.variants.push(VariantModel.fromDatabaseJson(variant).toVariant());
  }
  return [...products.values()].map(({ model, variants }) => model.toProduct(variants));
}
