import type { Knex } from 'knex';
import type { Product, ProductOption, ProductVariant } from '../../catalog/product.js';
import { summarizeVariants } from '../../catalog/variant-summary.js';
import { toImage, type StoredImage } from './models/product-model.js';

const variantColumns = ['id', 'options', 'price', 'compare_at_price', 'stock', 'sku', 'active', 'image_key', 'position'] as const;
const prefix = 'v__';

/** JSON text as the models parse it (`jsonAttributes`): parsed, or left as it is when it is not JSON. */
function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * A variant from its prefixed columns of a joined row, converted as VariantModel converts a row
 * (JSON options, int8 money from pg's strings, SQLite's 0/1 booleans) without building a model:
 * the store page reads every variant of a store at once, and a model per row was most of its cost.
 */
function variantOf(row: Record<string, unknown>): ProductVariant {
  const money = (value: unknown) => (typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value);
  const active = row[`${prefix}active`];
  const variant: Record<string, unknown> = {
    id: row[`${prefix}id`],
    options: parsedJson(row[`${prefix}options`]),
    price: money(row[`${prefix}price`]),
    compareAtPrice: money(row[`${prefix}compare_at_price`]),
    stock: row[`${prefix}stock`],
    sku: row[`${prefix}sku`],
    active: typeof active === 'number' ? active !== 0 : active,
    imageKey: row[`${prefix}image_key`],
    position: row[`${prefix}position`],
  };
  // As the model's pick: a column the row lacks is left out, not set to undefined.
  for (const key of Object.keys(variant)) if (variant[key] === undefined) delete variant[key];
  return variant as unknown as ProductVariant;
}

/**
 * A product from its row and its variants, converted as `ProductModel.fromDatabaseJson(row).toProduct(variants)`
 * converts it (JSON images and options, SQLite's 0/1 active, the tax rate from basis points, the same
 * keys in the same order) without building a model: objection's hydration of a store's 50 rows (column
 * mapping, JSON attributes, a model instance each) was a third of an uncached store page's read.
 */
function productOf(row: Record<string, unknown>, variants: ProductVariant[]): Product {
  const active = row['active'];
  const bp = row['tax_rate_bp'];
  const options = (parsedJson(row['options']) as ProductOption[]).map(({ name, values }) => ({ name, values }));
  const product: Record<string, unknown> = {
    id: row['id'],
    storeId: row['store_id'],
    name: row['name'],
    slug: row['slug'],
    description: row['description'],
    options,
    categoryId: row['category_id'],
    taxRate: bp === null ? null : bp === undefined ? undefined : Number(bp) / 100,
    hsnCode: row['hsn_code'],
    active: typeof active === 'number' ? active !== 0 : active,
    position: row['position'],
    images: (parsedJson(row['images']) as StoredImage[]).map(toImage),
    createdAt: row['created_at'],
    updatedAt: row['updated_at'],
  };
  // As the model's pick: a column the row lacks is left out, not set to undefined.
  for (const key of Object.keys(product)) if (product[key] === undefined) delete product[key];
  Object.assign(product, { variants }, summarizeVariants(options, variants));
  return product as unknown as Product;
}

/** Products in `order` with their variants (by position), from product rows and prefixed variant rows. */
function assemble(productRows: Record<string, unknown>[], variantRows: Record<string, unknown>[]): Product[] {
  const variants = new Map<string, ProductVariant[]>();
  for (const row of variantRows) {
    const productId = row['product_id'] as string;
    let list = variants.get(productId);
    if (!list) variants.set(productId, (list = []));
    list.push(variantOf(row));
  }
  const products: Product[] = [];
  for (const row of productRows) {
    const own = variants.get(row['id'] as string);
    if (own) products.push(productOf(row, own));
  }
  return products;
}

/**
 * Products with their variants. `scope` narrows `products as p`; rows come back in `order`, each
 * product's variants by position. Every product has at least one variant (one caught between its
 * insert and its variants' is left out).
 *
 * A store's whole catalogue ('position', the store page's read) is two queries side by side,
 * products and variants: a join would repeat each product's columns, its photos' JSON the largest,
 * once per variant, which was most of what that read allocated. The checkout's few products by
 * id ('id') stay one join: it reads inside its transaction, where a second query is a round trip.
 */
export async function readProducts(db: Knex, scope: (query: Knex.QueryBuilder) => void, order: 'position' | 'id'): Promise<Product[]> {
  const first = order === 'position' ? [{ column: 'p.position' }, { column: 'p.id' }] : [{ column: 'p.id' }];
  const variantOrder = [...first, { column: 'v.position' }, { column: 'v.id' }];
  const variantSelect = ['v.product_id as product_id', ...variantColumns.map((column) => `v.${column} as ${prefix}${column}`)];
  const variantQuery = db('product_variants as v').join('products as p', 'p.id', 'v.product_id');
  scope(variantQuery);
  if (order === 'id') {
    const rows = (await variantQuery.select('p.*', ...variantSelect).orderBy(variantOrder)) as Record<string, unknown>[];
    const productRows: Record<string, unknown>[] = [];
    let last: unknown;
    for (const row of rows) {
      if (row['id'] === last) continue;
      last = row['id'];
      // The product's own columns, once per product (its later rows repeat them).
      const own: Record<string, unknown> = {};
      for (const key in row) if (!key.startsWith(prefix)) own[key] = row[key];
      productRows.push(own);
    }
    return assemble(productRows, rows);
  }
  const productQuery = db('products as p').select('p.*');
  scope(productQuery);
  const [productRows, variantRows] = (await Promise.all([productQuery.orderBy(first), variantQuery.select(variantSelect).orderBy(variantOrder)])) as [
    Record<string, unknown>[],
    Record<string, unknown>[],
  ];
  return assemble(productRows, variantRows);
}
