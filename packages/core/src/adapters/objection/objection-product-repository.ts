import type { Knex } from 'knex';
import type { Product, ProductVariant, StockLine } from '../../catalog/product.js';
import type { ProductBulkPatch, ProductListQuery, ProductPatch, ProductRepository, SlugMatch } from '../../catalog/product-repository.js';
import { encodeCursor } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { atomically } from './atomically.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { ProductModel } from './models/product-model.js';
import { VariantModel } from './models/variant-model.js';
import { adjustStock, returnStock, takeStock } from './product-stock.js';
import { findSlug, recordSlug, slugsLike } from './product-slugs.js';
import { readProducts } from './product-reads.js';
import { insertVariants, replaceVariants, variantsOf } from './product-variants.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** Rows per multi-row INSERT of insertMany. */
const insertChunk = 500;

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** ProductRepository on `products`, `product_variants` and `product_slugs`; every query is scoped to the store. */
export class ObjectionProductRepository implements ProductRepository {
  constructor(private readonly db: Knex) {}

  /** The domain products of `rows`, their variants read in one query. */
  private async withVariants(storeId: string, rows: ProductModel[]): Promise<Product[]> {
    const variants = await variantsOf(this.db, storeId, rows.map((row) => row.id));
    return rows.map((row) => row.toProduct(variants.get(row.id) ?? []));
  }

  insert(product: Product): Promise<void> {
    return atomically(this.db, async (db) => {
      await withUniqueFields([uniqueFields.productSlug], () => ProductModel.query(db).insert(ProductModel.fromProduct(product)));
      await recordSlug(db, product.storeId, product.id, product.slug);
      await insertVariants(db, product.storeId, product.id, product.variants, product.createdAt);
    });
  }

  insertMany(products: Product[]): Promise<void> {
    return atomically(this.db, async (db) => {
      // Chunks keep each statement under SQLite's bound-variable limit (32766): 13 columns x 500.
      for (let start = 0; start < products.length; start += insertChunk) {
        const chunk = products.slice(start, start + insertChunk);
        const rows = chunk.map((product) => ProductModel.fromProduct(product).$toDatabaseJson());
        await withUniqueFields([uniqueFields.productSlug], () => db(ProductModel.tableName).insert(rows));
        await withUniqueFields([uniqueFields.productSlug], () =>
          db('product_slugs').insert(chunk.map((p) => ({ store_id: p.storeId, slug: p.slug, product_id: p.id }))),
        );
        const variants = chunk.flatMap((p) => p.variants.map((v) => VariantModel.rowOf(p.storeId, p.id, v, { createdAt: p.createdAt, updatedAt: p.createdAt })));
        for (let at = 0; at < variants.length; at += insertChunk) {
          const slice = variants.slice(at, at + insertChunk);
          await withUniqueFields([uniqueFields.sku], () => db(VariantModel.tableName).insert(slice));
        }
      }
    });
  }

  async findById(storeId: string, id: string): Promise<Product | null> {
    const [product] = await this.findByIds(storeId, [id]);
    return product ?? null;
  }

  async findByIds(storeId: string, ids: string[]): Promise<Product[]> {
    const known = ids.filter((id) => canBeStored(id, columnLimits.id));
    if (known.length === 0) return [];
    return readProducts(this.db, (q) => q.where('p.store_id', storeId).whereIn('p.id', known), 'id');
  }

  async list(storeId: string, query: ProductListQuery): Promise<Page<Product>> {
    const builder = ProductModel.query(this.db).where('store_id', storeId);
    if (query.after !== undefined) builder.where('id', '<', query.after);
    if (query.categoryId !== undefined) builder.where('category_id', query.categoryId);
    if (query.active !== undefined) builder.where('active', query.active);
    if (query.q !== undefined && query.q !== '') {
      const pattern = containsPattern(query.q);
      // lower() on both sides, so both databases match case the same way.
      builder.where((q) =>
        q
          .whereRaw("lower(name) like lower(?) escape '!'", [pattern])
          .orWhereExists(
            this.db('product_variants as v')
              .whereRaw('v.product_id = products.id')
              .whereRaw("lower(v.sku) like lower(?) escape '!'", [pattern]),
          ),
      );
    }
    // One row more than asked tells whether there is a next page.
    const rows = await builder.orderBy('id', 'desc').limit(query.limit + 1);
    const items = await this.withVariants(storeId, rows.slice(0, query.limit));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
  }

  listAll(storeId: string): Promise<Product[]> {
    return readProducts(this.db, (q) => q.where('p.store_id', storeId), 'id');
  }

  listActive(storeId: string): Promise<Product[]> {
    return readProducts(this.db, (q) => q.where({ 'p.store_id': storeId, 'p.active': true }), 'position');
  }

  async listActiveStock(storeId: string): Promise<Array<Pick<ProductVariant, 'id' | 'stock'> & { productId: string }>> {
    const rows = (await this.db('product_variants as v')
      .join('products as p', 'p.id', 'v.product_id')
      .where({ 'v.store_id': storeId, 'p.active': true })
      .select('v.id', 'v.product_id', 'v.stock')) as { id: string; product_id: string; stock: number | null }[];
    return rows.map((row) => ({ id: row.id, productId: row.product_id, stock: row.stock }));
  }

  async update(storeId: string, id: string, patch: ProductPatch, updatedAt: string): Promise<Product | null> {
    const changes = { ...ProductModel.patchOf(patch), updatedAt };
    const changed = await atomically(this.db, async (db) => {
      const count = await withUniqueFields([uniqueFields.productSlug], () => ProductModel.query(db).patch(changes).where({ store_id: storeId, id }));
      if (count === 0) return false;
      if (patch.slug !== undefined) await recordSlug(db, storeId, id, patch.slug);
      if (patch.variants !== undefined) await replaceVariants(db, storeId, id, patch.variants, updatedAt, new Set(patch.keepStockOf));
      return true;
    });
    return changed ? this.findById(storeId, id) : null;
  }

  async bulkUpdate(storeId: string, ids: string[], patch: ProductBulkPatch, updatedAt: string): Promise<number> {
    const known = ids.filter((id) => canBeStored(id, columnLimits.id));
    if (known.length === 0) return 0;
    return ProductModel.query(this.db)
      .patch({ ...ProductModel.patchOf(patch), updatedAt })
      .where('store_id', storeId)
      .whereIn('id', known);
  }

  async bulkSetStock(storeId: string, ids: string[], stock: number | null, updatedAt: string): Promise<number> {
    const known = ids.filter((id) => canBeStored(id, columnLimits.id));
    if (known.length === 0) return 0;
    await this.db('product_variants').where('store_id', storeId).whereIn('product_id', known).update({ stock, updated_at: updatedAt });
    return ProductModel.query(this.db).patch({ updatedAt }).where('store_id', storeId).whereIn('id', known);
  }

  async delete(storeId: string, id: string): Promise<Product | null> {
    const product = await this.findById(storeId, id);
    if (!product) return null;
    // Variants and slugs go with the row (ON DELETE CASCADE); only the caller whose DELETE removed it gets it back.
    const deleted = await this.db('products').where({ store_id: storeId, id }).delete();
    return deleted > 0 ? product : null;
  }

  findSlug(storeId: string, slug: string): Promise<SlugMatch | null> {
    if (!canBeStored(slug, 100)) return Promise.resolve(null);
    return findSlug(this.db, storeId, slug);
  }

  slugsLike(storeId: string, base: string): Promise<string[]> {
    return slugsLike(this.db, storeId, base);
  }

  takeStock(storeId: string, lines: StockLine[]): Promise<string[]> {
    return takeStock(this.db, storeId, lines);
  }

  returnStock(storeId: string, lines: StockLine[]): Promise<void> {
    return returnStock(this.db, storeId, lines);
  }

  async adjustStock(storeId: string, productId: string, variantId: string, delta: number, updatedAt: string): Promise<Product | null> {
    const changed = await adjustStock(this.db, { storeId, productId, variantId, delta, updatedAt });
    if (!changed) return null;
    await ProductModel.query(this.db).patch({ updatedAt }).where({ store_id: storeId, id: productId });
    return this.findById(storeId, productId);
  }

  async eraseDetails(storeId: string, updatedAt: string): Promise<number> {
    await this.db('product_variants').where('store_id', storeId).update({ image_key: null });
    return ProductModel.query(this.db).patch({ ...ProductModel.patchOf({ description: '', images: [] }), updatedAt }).where('store_id', storeId);
  }
}
