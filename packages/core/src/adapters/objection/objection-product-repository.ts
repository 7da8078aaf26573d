import type { Knex } from 'knex';
import type { Product, StockLine } from '../../catalog/product.js';
import type { ProductListQuery, ProductPatch, ProductRepository } from '../../catalog/product-repository.js';
import { encodeCursor } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { deleteReturning } from './delete-returning.js';
import { ProductModel, toProduct } from './models/product-model.js';
import { adjustedStock, returnStock, takeStock } from './product-stock.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

const patchKeys: readonly (keyof ProductPatch)[] = [
  'name',
  'description',
  'price',
  'compareAtPrice',
  'stock',
  'sku',
  'categoryId',
  'active',
  'position',
  'images',
];

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** ProductRepository on the `products` table; every query is scoped to the store. */
export class ObjectionProductRepository implements ProductRepository {
  constructor(private readonly db: Knex) {}

  async insert(product: Product): Promise<void> {
    await withUniqueFields([uniqueFields.sku], () => ProductModel.query(this.db).insert({ ...product }));
  }

  async findById(storeId: string, id: string): Promise<Product | null> {
    const row = await ProductModel.query(this.db).findOne({ store_id: storeId, id });
    return row ? toProduct(row) : null;
  }

  async findByIds(storeId: string, ids: string[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await ProductModel.query(this.db).where('store_id', storeId).whereIn('id', ids);
    return rows.map(toProduct);
  }

  async list(storeId: string, query: ProductListQuery): Promise<Page<Product>> {
    const builder = ProductModel.query(this.db).where('store_id', storeId);
    if (query.after !== undefined) builder.where('id', '<', query.after);
    if (query.categoryId !== undefined) builder.where('category_id', query.categoryId);
    if (query.active !== undefined) builder.where('active', query.active);
    if (query.q !== undefined && query.q !== '') {
      const pattern = containsPattern(query.q);
      // lower() on both sides, so both databases match case the same way.
      builder.whereRaw("(lower(name) like lower(?) escape '!' or lower(sku) like lower(?) escape '!')", [pattern, pattern]);
    }
    // One row more than asked tells whether there is a next page.
    const rows = await builder.orderBy('id', 'desc').limit(query.limit + 1);
    const items = rows.slice(0, query.limit).map(toProduct);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
  }

  async listActive(storeId: string): Promise<Product[]> {
    const rows = await ProductModel.query(this.db)
      .where({ store_id: storeId, active: true })
      .orderBy([{ column: 'position' }, { column: 'id' }]);
    return rows.map(toProduct);
  }

  async update(storeId: string, id: string, patch: ProductPatch, updatedAt: string): Promise<Product | null> {
    const changes: Partial<ProductModel> = { updatedAt };
    for (const key of patchKeys) {
      if (patch[key] !== undefined) Object.assign(changes, { [key]: patch[key] });
    }
    const rows = await withUniqueFields([uniqueFields.sku], () =>
      ProductModel.query(this.db).patch(changes).where({ store_id: storeId, id }).returning('*'),
    );
    const row = rows[0];
    return row ? toProduct(row) : null;
  }

  async delete(storeId: string, id: string): Promise<Product | null> {
    const row = await deleteReturning(this.db, ProductModel.tableName, { store_id: storeId, id });
    return row ? toProduct(ProductModel.fromDatabaseJson(row)) : null;
  }

  takeStock(storeId: string, lines: StockLine[]): Promise<string[]> {
    return takeStock(this.db, storeId, lines);
  }

  returnStock(storeId: string, lines: StockLine[]): Promise<void> {
    return returnStock(this.db, storeId, lines);
  }

  async adjustStock(storeId: string, id: string, delta: number, updatedAt: string): Promise<Product | null> {
    const rows = (await this.db('products')
      .where({ store_id: storeId, id })
      .whereNotNull('stock')
      .update({ stock: adjustedStock(this.db, delta), updated_at: updatedAt }, '*')) as Record<string, unknown>[];
    const row = rows[0];
    return row ? toProduct(ProductModel.fromDatabaseJson(row)) : null;
  }
}
