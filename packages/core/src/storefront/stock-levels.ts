import type { CoreContext } from '../context.js';
import { readStorefront } from './replica-reads.js';
import type { PublicProduct, StoreView } from './store-view.js';

/** Units left per variant id of the active products; null when the variant does not track stock. */
export type StockLevels = Record<string, number | null>;

/** The store's current stock counts: one query, cached under the stock version (on a replica: see loadStoreView). */
export async function loadStockLevels(
  context: Pick<CoreContext, 'persistence' | 'replica' | 'onError'>,
  storeId: string,
  changedAt?: () => Promise<number>,
): Promise<StockLevels> {
  const variants = await readStorefront(context, changedAt, (reads) => reads.products.listActiveStock(storeId));
  return Object.fromEntries(variants.map((variant) => [variant.id, variant.stock]));
}

function withLevels(product: PublicProduct, levels: StockLevels): PublicProduct {
  let changed = false;
  const variants = product.variants.map((variant) => {
    const stock = levels[variant.id];
    if (stock === undefined || stock === variant.stock) return variant;
    changed = true;
    return { ...variant, stock, inStock: stock === null || stock > 0 };
  });
  if (!changed) return product;
  const stock = variants.some((v) => v.stock === null) ? null : variants.reduce((sum, v) => sum + (v.stock ?? 0), 0);
  return { ...product, variants, stock, inStock: variants.some((v) => v.inStock) };
}

/**
 * The catalogue view with current stock counts laid over it. A variant the levels do not know
 * (created after they were read) keeps the count the catalogue was loaded with.
 */
export function withStockLevels(view: StoreView, levels: StockLevels): StoreView {
  return { ...view, products: view.products.map((product) => withLevels(product, levels)) };
}
