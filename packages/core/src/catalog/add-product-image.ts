import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';
import { checkImage } from './check-image.js';
import { getProduct } from './get-product.js';
import type { Product } from './product.js';
import { requireImageStore } from './require-image-store.js';

/** The most images one product may carry. */
export const maxImagesPerProduct = 10;

/** Stores an uploaded image and appends it to the product's images. */
export async function addProductImage(context: CoreContext, storeId: string, id: string, bytes: Uint8Array): Promise<{ url: string; product: Product }> {
  const type = checkImage(bytes);
  const before = await getProduct(context, storeId, id);
  if (before.images.length >= maxImagesPerProduct) {
    throw new ValidationFailedError('The image was not accepted', [{ path: 'file', message: `A product may have at most ${maxImagesPerProduct} images` }]);
  }
  const images = requireImageStore(context);
  const saved = await images.save(bytes, type, `${storeId}/`);
  const product = await context.persistence.products.update(storeId, id, { images: [...before.images, saved] }, nowIso(context));
  if (!product) {
    await images.delete(saved.key);
    throw new NotFoundError('Product not found');
  }
  await catalogChanged(context, storeId);
  return { url: saved.url, product };
}
