import type { CoreContext } from '../context.js';
import type { SlugResolution } from '../vendors/store-repository.js';

/**
 * Caches anything derived from a store's public data (e.g. rendered HTML) under the store's
 * versions, so it is dropped with the store's own entries on any change.
 */
export function cachedForStore<T>(context: CoreContext, storeId: string, name: string, load: () => Promise<T>): Promise<T> {
  return context.storeCache.getOrLoad(storeId, name, load);
}

/** What `cachedForStore` holds under `name` when it is current (asking the shared cache if need be); never loads. */
export function cachedIfPresent<T>(context: CoreContext, storeId: string, name: string): Promise<T | undefined> {
  return context.storeCache.getIfPresent<T>(storeId, name);
}

/**
 * What `cachedForStore` holds under `name` for the store at the current `slug`, when this process
 * can tell without a round trip that it is current (slug, versions and entry all held in process
 * and trusted); undefined otherwise, and for an earlier slug. Synchronous and never loads: a
 * miss costs the caller its usual path, so a made-up slug or name can grow nothing.
 */
export function peekCachedForSlug<T>(context: CoreContext, slug: string, name: string): { storeId: string; value: T } | undefined {
  const resolution = context.storeCache.peekSlug<SlugResolution | false>(slug);
  if (!resolution || resolution.currentSlug !== slug) return undefined;
  const value = context.storeCache.peek<T>(resolution.storeId, name);
  return value === undefined ? undefined : { storeId: resolution.storeId, value };
}
