import type { Store } from '../vendors/vendor.js';

/** Delivery is free once the subtotal reaches the store's threshold (null: never free). */
export function deliveryFeeFor(store: Pick<Store, 'deliveryFee' | 'freeDeliveryAbove'>, subtotal: number): number {
  return store.freeDeliveryAbove !== null && subtotal >= store.freeDeliveryAbove ? 0 : store.deliveryFee;
}
