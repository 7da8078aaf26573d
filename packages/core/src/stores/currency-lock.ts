import type { CoreContext } from '../context.js';
import { ConflictError } from '../errors.js';

/**
 * Prices and order totals are integers in the store's currency: switching the code afterwards
 * would silently reinterpret them (₹50.00 would read as ¥5,000). So the currency may change only
 * while the store has neither products nor orders; after that it takes an explicit migration.
 */
export async function assertCurrencyMayChange(context: CoreContext, storeId: string): Promise<void> {
  const [products, orders] = await Promise.all([
    context.persistence.products.list(storeId, { limit: 1 }),
    context.persistence.orders.list(storeId, { limit: 1 }),
  ]);
  if (products.items.length > 0 || orders.items.length > 0) {
    throw new ConflictError('The currency cannot change once the store has products or orders', [
      { path: 'currency', message: 'Currency cannot change once the store has products or orders: their prices are amounts in the current currency' },
    ]);
  }
}
