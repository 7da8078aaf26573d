import type { Page } from '../shared/page.js';
import type { Product, ProductVariant, StockLine } from './product.js';

export interface ProductListQuery {
  limit: number;
  /** The id of the last product of the previous page (decoded cursor). */
  after?: string | undefined;
  /** Case-insensitive substring of the name or of any variant's SKU. */
  q?: string | undefined;
  categoryId?: string | undefined;
  active?: boolean | undefined;
}

/**
 * A change to a product. `variants`, when given, is the whole new list: variants whose id the
 * product has are updated, the others inserted, and the product's variants missing from the list
 * deleted. The summary fields (price, stock, sku) are derived from the variants, never patched.
 */
export type ProductPatch = Partial<
  Pick<Product, 'name' | 'slug' | 'description' | 'options' | 'variants' | 'categoryId' | 'taxRate' | 'hsnCode' | 'active' | 'position' | 'images'>
> & {
  /**
   * Ids among `variants` whose stock the write leaves as the database has it: the change did not
   * set it, and a sale between the read and this write must not be undone.
   */
  keepStockOf?: string[];
};

/** What a bulk change may set on many products at once. */
export type ProductBulkPatch = Partial<Pick<Product, 'active' | 'categoryId'>>;

/** Where a slug leads: the product, and whether the slug is its current one (else a 301 to it). */
export interface SlugMatch {
  productId: string;
  current: boolean;
}

export interface ProductRepository {
  /**
   * Stores a new product with its variants and its slug (also recorded as one of its slugs), atomically;
   * throws ConflictError with path `sku` when a SKU is taken in the store, `slug` when the slug is.
   */
  insert(product: Product): Promise<void>;
  /**
   * Stores many new products of one store at once (a catalogue import), atomically, in a few
   * multi-row statements instead of four per product; the same ConflictErrors as insert.
   */
  insertMany(products: Product[]): Promise<void>;
  /** The store's product, or null (also for another store's id). */
  findById(storeId: string, id: string): Promise<Product | null>;
  /** The store's products among `ids`, in no particular order; unknown ids are left out. */
  findByIds(storeId: string, ids: string[]): Promise<Product[]>;
  /** Newest first (by id), `limit` at most; the page's last id, encoded, is the next cursor. */
  list(storeId: string, query: ProductListQuery): Promise<Page<Product>>;
  /** Every product of the store (hidden ones too), oldest first: the catalogue export. */
  listAll(storeId: string): Promise<Product[]>;
  /** Active products for the store page, by position, then creation. */
  listActive(storeId: string): Promise<Product[]>;
  /** Current stock of every variant of the store's active products (the live counts over a cached page). */
  listActiveStock(storeId: string): Promise<Array<Pick<ProductVariant, 'id' | 'stock'> & { productId: string }>>;
  /**
   * Changes and returns the product; null when the store has no such product. ConflictError on
   * a taken SKU or slug. A new slug is recorded beside the old ones, which keep leading here.
   * Atomic: in the caller's transaction, or in one of its own.
   */
  update(storeId: string, id: string, patch: ProductPatch, updatedAt: string): Promise<Product | null>;
  /** Sets the fields on every listed product of the store; resolves how many changed. */
  bulkUpdate(storeId: string, ids: string[], patch: ProductBulkPatch, updatedAt: string): Promise<number>;
  /** Sets the stock of every variant of the listed products (null: stop tracking); resolves how many products changed. */
  bulkSetStock(storeId: string, ids: string[], stock: number | null, updatedAt: string): Promise<number>;
  /** Removes the product (its variants and slugs with it); resolves the removed product, or null. */
  delete(storeId: string, id: string): Promise<Product | null>;
  /** Where a slug of the store leads (a current or an earlier slug), or null. */
  findSlug(storeId: string, slug: string): Promise<SlugMatch | null>;
  /** Of the store's slugs (current and earlier), those equal to `base` or `base-<n>`: picking a free one. */
  slugsLike(storeId: string, base: string): Promise<string[]>;
  /**
   * Takes stock for every line whose variant tracks stock, atomically per row, and returns the
   * ids of the variants that had too little (empty when all were taken). Call it in a
   * transaction and roll back on a non-empty answer: the lines that fitted were taken.
   */
  takeStock(storeId: string, lines: StockLine[]): Promise<string[]>;
  /** Gives stock back to the variants that track it (a rejected, cancelled or returned order); gone variants are skipped. */
  returnStock(storeId: string, lines: StockLine[]): Promise<void>;
  /**
   * Adds `delta` (may be negative) to a variant's tracked stock, never below 0, and returns the
   * product; null when no such product or variant, or the variant does not track stock.
   */
  adjustStock(storeId: string, productId: string, variantId: string, delta: number, updatedAt: string): Promise<Product | null>;
  /**
   * Clears the description and the image list of every product of the store (its vendor closed
   * the account): descriptions often hold contact details, and the image files are deleted.
   * Names, prices and the rest stay. Resolves how many products were changed.
   */
  eraseDetails(storeId: string, updatedAt: string): Promise<number>;
}
