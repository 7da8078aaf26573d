import type { DomainEvent, EventBus } from '../events.js';
import type { StoreCache } from './store-cache.js';

/** Replaces the store versions that an event changes; the entries' TTL is the net for a lost event. */
export async function applyStoreEvent(storeCache: StoreCache, event: DomainEvent): Promise<void> {
  switch (event.type) {
    case 'store.updated':
      await storeCache.invalidate(event.storeId, event.slugs);
      return;
    case 'catalog.changed':
      await storeCache.invalidate(event.storeId);
      return;
    case 'stock.changed':
      // Only counts changed: the cached catalogue stays, what shows stock is replaced.
      await storeCache.invalidateStock(event.storeId);
      return;
    default:
      return;
  }
}

/** Subscribes cache invalidation to the events that change what customers see; returns the unsubscribe function. */
export function subscribeStoreInvalidation(events: EventBus, storeCache: StoreCache): () => void {
  return events.subscribe((event) => applyStoreEvent(storeCache, event));
}
