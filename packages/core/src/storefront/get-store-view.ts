import type { CoreContext } from '../context.js';
import { loadStoreView } from './load-store-view.js';
import { resolveStoreSlug } from './resolve-store-slug.js';
import { loadStockLevels, withStockLevels } from './stock-levels.js';
import type { StoreView } from './store-view.js';

/** The in-process entry joining a store's catalogue and stock (scope 'both', never shared). */
const viewName = 'view';

/**
 * The public store page's data for a current or earlier slug, from the cache when it can.
 * `currentSlug` differs from `slug` for an old link, which callers answer with a redirect.
 *
 * The catalogue (three queries) is cached under the catalogue version and survives orders; stock
 * counts (one query) are cached under the stock version that every stock change replaces, so
 * they are at most the local TTL old. The view joining the two is kept in process only.
 */
export async function getStoreView(context: CoreContext, slug: string): Promise<{ view: StoreView; currentSlug: string }> {
  const { storeId, currentSlug } = await resolveStoreSlug(context, slug);
  return { view: await getStoreViewById(context, storeId), currentSlug };
}

/**
 * The store's view when this process holds it and can tell without a round trip that it is
 * current (its versions trusted locally); undefined otherwise. Synchronous and never loads.
 */
export function peekStoreViewById(context: CoreContext, storeId: string): StoreView | undefined {
  return context.storeCache.peek<StoreView>(storeId, viewName);
}

/** getStoreView of a store already resolved (its id from resolveSlug): no second slug lookup. NotFoundError when it is gone. */
export async function getStoreViewById(context: CoreContext, storeId: string): Promise<StoreView> {
  const { storeCache } = context;
  return storeCache.getOrLoad(
    storeId,
    viewName,
    async () => {
      // A catalogue read just now already holds current stock: asking again would read every
      // product twice whenever the catalogue misses (always, with the cache off).
      let fresh = false;
      const catalogue = await storeCache.getOrLoad(
        storeId,
        'catalogue',
        async (changedAt) => {
          fresh = true;
          return loadStoreView(context, storeId, changedAt);
        },
        { scope: 'catalogue' },
      );
      if (fresh) return catalogue;
      const levels = await storeCache.getOrLoad(storeId, 'stock', (changedAt) => loadStockLevels(context, storeId, changedAt), { scope: 'stock' });
      return withStockLevels(catalogue, levels);
    },
    { scope: 'both', shared: false },
  );
}
