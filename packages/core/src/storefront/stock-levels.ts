import type { CoreContext } from '../context.js';
import type { StoreView } from './store-view.js';

/** Units left per active product id; null when the product does not track stock. */
export type StockLevels = Record<string, number | null>;

/** The store's current stock counts: one query, cached under the stock version. */
export async function loadStockLevels(context: Pick<CoreContext, 'persistence'>, storeId: string): Promise<StockLevels> {
  const products = await context.persistence.products.listActive(storeId);
  return Object.fromEntries(products.map((product) => [product.id, product.stock]));
}

/**
 * The catalogue view with current stock counts laid over it. A product the levels do not know
 * (created after they were read) keeps the count the catalogue was loaded with.
 */
export function withStockLevels(view: StoreView, levels: StockLevels): StoreView {
  const products = view.products.map((product) => {
    const stock = levels[product.id];
    if (stock === undefined || stock === product.stock) return product;
    return { ...product, stock, inStock: stock === null || stock > 0 };
  });
  return { ...view, products };
}
