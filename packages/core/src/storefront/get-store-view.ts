import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { isWellFormedSlug } from '../shared/fields.js';
import type { SlugResolution } from '../vendors/store-repository.js';
import type { Store } from '../vendors/vendor.js';
import { toPublicProduct } from '../catalog/product-view.js';
import { loadStockLevels, withStockLevels } from './stock-levels.js';
import type { PublicStore, StoreView } from './store-view.js';

/** Slug lookups change only on signup or a slug change, both of which delete the entry. */
const slugTtlMs = 10 * 60_000;
/** Unknown slugs are remembered briefly so a flood of bad links does not reach the database. */
const missingSlugTtlMs = 10_000;

/** Resolves a current or earlier slug, cache first; NotFoundError when no store ever had it. */
export async function resolveStoreSlug(context: CoreContext, slug: string): Promise<SlugResolution> {
  // A slug no store can have (NUL bytes, odd characters, any length) never reaches the cache or the database.
  if (!isWellFormedSlug(slug)) throw new NotFoundError('No store at this link');
  const resolution = await context.storeCache.slug<SlugResolution | false>(
    slug,
    async () => (await context.persistence.stores.resolveSlug(slug)) ?? false,
    (found) => (found ? slugTtlMs : missingSlugTtlMs),
  );
  if (!resolution) throw new NotFoundError('No store at this link');
  return resolution;
}

function toPublicStore(store: Store): PublicStore {
  const { id, name, slug, description, phone, pickupAddress, logoUrl, currency, deliveryFee, freeDeliveryAbove, minOrderValue, isOpen } = store;
  return { id, name, slug, description, phone, pickupAddress, logoUrl, currency, deliveryFee, freeDeliveryAbove, minOrderValue, isOpen };
}

/** Reads the public view from the database (three queries), bypassing the cache. */
export async function loadStoreView(context: CoreContext, storeId: string): Promise<StoreView> {
  const { persistence } = context;
  const [store, categories, products] = await Promise.all([
    persistence.stores.findById(storeId),
    persistence.categories.list(storeId),
    persistence.products.listActive(storeId),
  ]);
  if (!store) throw new NotFoundError('No store at this link');
  return {
    store: toPublicStore(store),
    categories: categories.map(({ id, name, position }) => ({ id, name, position })),
    products: products.map((product) => toPublicProduct(product, store.currency)),
  };
}

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
  const { storeCache } = context;
  const view = await storeCache.getOrLoad(
    storeId,
    'view',
    async () => {
      // A catalogue read just now already holds current stock: asking again would read every
      // product twice whenever the catalogue misses (always, with the cache off).
      let fresh = false;
      const catalogue = await storeCache.getOrLoad(
        storeId,
        'catalogue',
        async () => {
          fresh = true;
          return loadStoreView(context, storeId);
        },
        { scope: 'catalogue' },
      );
      if (fresh) return catalogue;
      const levels = await storeCache.getOrLoad(storeId, 'stock', () => loadStockLevels(context, storeId), { scope: 'stock' });
      return withStockLevels(catalogue, levels);
    },
    { scope: 'both', shared: false },
  );
  return { view, currentSlug };
}
