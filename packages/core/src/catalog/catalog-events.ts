import type { CoreContext } from '../context.js';

/** The public catalogue (names, prices, images, categories) changed: cached store pages are stale. */
export function catalogChanged(context: CoreContext, storeId: string): Promise<void> {
  return context.events.publish({ type: 'catalog.changed', storeId });
}

/** Stock counts changed; the shown counts follow without invalidating the catalogue. */
export async function stockChanged(context: CoreContext, storeId: string, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await context.events.publish({ type: 'stock.changed', storeId, productIds: [...new Set(productIds)] });
}
