import type { Knex } from 'knex';
import type { Product, StockLine } from '../../catalog/product.js';
import type { ProductListQuery, ProductPatch, ProductRepository } from '../../catalog/product-repository.js';
import { encodeCursor } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { deleteReturning } from './delete-returning.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { ProductModel } from './models/product-model.js';
import { adjustStock, returnStock, takeStock } from './product-stock.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** ProductRepository on the `products` table; every query is scoped to the store. */
export class ObjectionProductRepository implements ProductRepository {
  constructor(private readonly db: Knex) {}

  async insert(product: Product): Promise<void> {
    await withUniqueFields([uniqueFields.sku], () => ProductModel.query(this.db).insert(ProductModel.fromProduct(product)));
  }

  async findById(storeId: string, id: string): Promise<Product | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await ProductModel.query(this.db).findOne({ store_id: storeId, id });
    return row ? row.toProduct() : null;
  }

  async findByIds(storeId: string, ids: string[]): Promise<Product[]> {
    const known = ids.filter((id) => canBeStored(id, columnLimits.id));
    if (known.length === 0) return [];
    const rows = await ProductModel.query(this.db).where('store_id', storeId).whereIn('id', known);
    return rows.map((row) => row.toProduct());
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
    const items = rows.slice(0, query.limit).map((row) => row.toProduct());
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
  }

  async listActive(storeId: string): Promise<Product[]> {
    const rows = await ProductModel.query(this.db)
      .where({ store_id: storeId, active: true })
      .orderBy([{ column: 'position' }, { column: 'id' }]);
    return rows.map((row) => row.toProduct());
  }

  async update(storeId: string, id: string, patch: ProductPatch, updatedAt: string): Promise<Product | null> {
    const changes = { ...ProductModel.patchOf(patch), updatedAt };
    const rows = await withUniqueFields([uniqueFields.sku], () =>
      ProductModel.query(this.db).patch(changes).where({ store_id: storeId, id }).returning('*'),
    );
    const row = rows[0];
    return row ? row.toProduct() : null;
  }

  async delete(storeId: string, id: string): Promise<Product | null> {
    const row = await deleteReturning(this.db, ProductModel.tableName, { store_id: storeId, id });
    return row ? ProductModel.fromDatabaseJson(row).toProduct() : null;
  }

  takeStock(storeId: string, lines: StockLine[]): Promise<string[]> {
    return takeStock(this.db, storeId, lines);
  }

  returnStock(storeId: string, lines: StockLine[]): Promise<void> {
    return returnStock(this.db, storeId, lines);
  }

  adjustStock(storeId: string, id: string, delta: number, updatedAt: string): Promise<Product | null> {
    return adjustStock(this.db, { storeId, id, delta, updatedAt });
  }

  async eraseDetails(storeId: string, updatedAt: string): Promise<number> {
    return ProductModel.query(this.db).patch({ ...ProductModel.patchOf({ description: '', images: [] }), updatedAt }).where('store_id', storeId);
  }
}
