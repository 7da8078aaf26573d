import { productSlugPattern } from '../catalog/schemas.js';
import { uuidShape } from '../catalog/slugify.js';
import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { SlugMatch } from '../catalog/product-repository.js';
import { getStoreView } from './get-store-view.js';
import type { PublicProduct, StoreView } from './store-view.js';

/** A product page's data, and where to send the visitor when the link is not the product's current one. */
export interface ProductPageData {
  view: StoreView;
  /** The store's current slug (differs from the one asked for after a store rename). */
  currentSlug: string;
  product: PublicProduct;
  /** The product's current slug when the link used an earlier slug or the product's id: answer 301. Null when the link is current. */
  movedTo: string | null;
}

const maxSlugLength = 80;

// Built once per view object (the view is rebuilt on every change and kept in process meanwhile).
const indexes = new WeakMap<StoreView, { bySlug: Map<string, PublicProduct>; byId: Map<string, PublicProduct> }>();

function indexOf(view: StoreView) {
  let index = indexes.get(view);
  if (!index) {
    index = { bySlug: new Map(view.products.map((p) => [p.slug, p])), byId: new Map(view.products.map((p) => [p.id, p])) };
    indexes.set(view, index);
  }
  return index;
}

const gone = () => new NotFoundError('This product is not in the store any more');

/**
 * An earlier slug's product: one primary-key lookup, not cached. Caching each slug asked would
 * let a flood of made-up slugs push every store's cached pages out of the bounded local cache;
 * the lookup is as cheap as the 404 it usually ends in, and only well-formed slugs get here.
 */
function earlierSlug(context: CoreContext, storeId: string, slug: string): Promise<SlugMatch | null> {
  return context.persistence.products.findSlug(storeId, slug);
}

/**
 * The active product behind `ref` in the store behind `storeSlug` (current or earlier): `ref` is
 * the product's current slug (served from the cached view, no query), an earlier slug or the
 * product's id (both lead to a 301 to the current slug). NotFoundError for anything else,
 * hidden products included; ids are UUIDs and slugs never are, so the two cannot be confused.
 */
export async function getProductPage(context: CoreContext, storeSlug: string, ref: string): Promise<ProductPageData> {
  const { view, currentSlug } = await getStoreView(context, storeSlug);
  const { bySlug, byId } = indexOf(view);
  const key = ref.normalize('NFC').toLowerCase();
  const current = bySlug.get(key);
  if (current) return { view, currentSlug, product: current, movedTo: key === ref ? null : current.slug };
  if (uuidShape.test(key)) {
    const product = byId.get(key);
    if (!product) throw gone();
    return { view, currentSlug, product, movedTo: product.slug };
  }
  // A slug no product can have (NUL bytes, odd characters, any length) never reaches the cache or the database.
  if (key.length > maxSlugLength || !productSlugPattern.test(key)) throw gone();
  const match = await earlierSlug(context, view.store.id, key);
  const product = match ? byId.get(match.productId) : undefined;
  if (!product) throw gone();
  return { view, currentSlug, product, movedTo: product.slug };
}
