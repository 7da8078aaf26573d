import type { CoreContext } from '../context.js';

/**
 * Caches anything derived from a store's public data (e.g. rendered HTML) under the store's
 * versions, so it is dropped with the store's own entries on any change.
 */
export function cachedForStore<T>(context: CoreContext, storeId: string, name: string, load: () => Promise<T>): Promise<T> {
  return context.storeCache.getOrLoad(storeId, name, load);
}
