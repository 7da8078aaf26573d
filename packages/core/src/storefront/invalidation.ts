import type { CoreContext } from '../context.js';
import type { DomainEvent } from '../events.js';

/**
 * Subscribes cache invalidation to the events that change what customers see; returns the
 * unsubscribe function. The TTL on every entry remains the safety net for a lost event.
 */
export function subscribeStoreInvalidation(context: CoreContext): () => void {
  return context.events.subscribe(async (event: DomainEvent) => {
    switch (event.type) {
      case 'store.updated':
        await context.storeCache.invalidate(event.storeId, event.slugs);
        return;
      case 'catalog.changed':
      case 'stock.availability-changed':
        await context.storeCache.invalidate(event.storeId);
        return;
      default:
        return;
    }
  });
}
