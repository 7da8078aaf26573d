import type { Page } from '../shared/page.js';
import type { Product, StockLine } from './product.js';

export interface ProductListQuery {
  limit: number;
  /** The id of the last product of the previous page (decoded cursor). */
  after?: string | undefined;
  /** Case-insensitive substring of name or SKU. */
  q?: string | undefined;
  categoryId?: string | undefined;
  active?: boolean | undefined;
}

export type ProductPatch = Partial<
  Pick<Product, 'name' | 'description' | 'price' | 'compareAtPrice' | 'stock' | 'sku' | 'categoryId' | 'active' | 'position' | 'images'>
>;

export interface ProductRepository {
  /** Stores a new product; throws ConflictError (path `sku`) when the store already has the SKU. */
  insert(product: Product): Promise<void>;
  /** The store's product, or null (also for another store's id). */
  findById(storeId: string, id: string): Promise<Product | null>;
  /** The store's products among `ids`, in no particular order; unknown ids are left out. */
  findByIds(storeId: string, ids: string[]): Promise<Product[]>;
  /** Newest first (by id), `limit` at most; the page's last id, encoded, is the next cursor. */
  list(storeId: string, query: ProductListQuery): Promise<Page<Product>>;
  /** Active products for the store page, by position, then creation. */
  listActive(storeId: string): Promise<Product[]>;
  /** Changes and returns the product; null when the store has no such product; ConflictError on a taken SKU. */
  update(storeId: string, id: string, patch: ProductPatch, updatedAt: string): Promise<Product | null>;
  /** Removes the product; resolves the removed product, or null. */
  delete(storeId: string, id: string): Promise<Product | null>;
  /**
   * Takes stock for every line whose product tracks stock, atomically per row, and returns the
   * ids of the products that had too little (empty when all were taken). Call it in a transaction
   * and roll back on a non-empty answer: the lines that fitted were taken.
   */
  takeStock(storeId: string, lines: StockLine[]): Promise<string[]>;
  /** Gives stock back to the products that track it (a rejected, cancelled or returned order). */
  returnStock(storeId: string, lines: StockLine[]): Promise<void>;
  /** Adds `delta` (may be negative) to a tracked stock, never below 0; null when no such product or untracked. */
  adjustStock(storeId: string, id: string, delta: number, updatedAt: string): Promise<Product | null>;
  /**
   * Clears the description and the image list of every product of the store (its vendor closed
   * the account): descriptions often hold contact details, and the image files are deleted.
   * Names, prices and the rest stay. Resolves how many products were changed.
   */
  eraseDetails(storeId: string, updatedAt: string): Promise<number>;
}
