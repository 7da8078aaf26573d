import type { Repositories } from '../persistence.js';
import { ConflictError } from '../errors.js';
import type { Store, StoreSettings } from '../vendors/vendor.js';

/** The store's own amounts, in minor units of its currency. */
const storeAmounts = ['deliveryFee', 'freeDeliveryAbove', 'minOrderValue'] as const;

/**
 * Prices, order totals and the store's own amounts are integers in the store's currency:
 * switching the code afterwards would silently reinterpret them (₹50.00 would read as ¥5,000).
 * So the currency may change only while the store has neither products nor orders, and only if
 * each of its non-zero amounts (delivery fee, free delivery above, minimum order) is restated in
 * the same request, in the new currency. Call it in the transaction that changes the currency,
 * after locking the store (`tx.stores.lock`), so a product created meanwhile cannot slip past.
 */
export async function assertCurrencyMayChange(tx: Repositories, store: Store, settings: Partial<StoreSettings>): Promise<void> {
  const [products, orders] = await Promise.all([tx.products.list(store.id, { limit: 1 }), tx.orders.list(store.id, { limit: 1 })]);
  if (products.items.length > 0 || orders.items.length > 0) {
    throw new ConflictError('The currency cannot change once the store has products or orders', [
      { path: 'currency', message: 'Currency cannot change once the store has products or orders: their prices are amounts in the current currency' },
    ]);
  }
  const unrestated = storeAmounts.filter((key) => (store[key] ?? 0) !== 0 && settings[key] === undefined);
  if (unrestated.length > 0) {
    throw new ConflictError('The currency cannot change while store amounts are set in the current one', [
      {
        path: 'currency',
        message: `Currency can change only with the store's amounts restated in the new currency: send ${unrestated.join(', ')} in the same request (or set them to 0 first)`,
      },
      ...unrestated.map((key) => ({ path: key, message: 'Restate this amount in the new currency when changing the currency' })),
    ]);
  }
}
