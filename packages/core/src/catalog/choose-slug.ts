import type { Repositories } from '../persistence.js';
import { freeSlug, slugify } from './slugify.js';

/**
 * The slug a product named `name` gets: the name's slug when it is free (or already one of this
 * product's own, earlier slugs), else the first free `-2`, `-3`, …
 */
export async function chooseSlug(products: Repositories['products'], storeId: string, name: string, productId: string | null): Promise<string> {
  const base = slugify(name);
  const match = await products.findSlug(storeId, base);
  if (!match || match.productId === productId) return base;
  return freeSlug(base, await products.slugsLike(storeId, base));
}
