import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import type { Product } from './product.js';
import { requireImageStore } from './require-image-store.js';

/** Removes one image from the product and deletes its file. */
export async function removeProductImage(context: CoreContext, storeId: string, id: string, key: string): Promise<Product> {
  const before = await getProduct(context, storeId, id);
  if (!before.images.some((image) => image.key === key)) throw new NotFoundError('Image not found');
  const images = before.images.filter((image) => image.key !== key);
  const product = await context.persistence.products.update(storeId, id, { images }, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await requireImageStore(context).delete(key);
  await catalogChanged(context, storeId);
  return product;
}
