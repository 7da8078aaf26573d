import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import type { ImageStore } from './image-store.js';
import { sniffImageType } from './image-type.js';
import type { Product } from './product.js';
import { getProduct } from './products.js';

/** The most bytes an uploaded image may have (API.md: 5 MB). */
export const maxImageBytes = 5 * 1024 * 1024;
/** The most images one product may carry. */
export const maxImagesPerProduct = 10;

function imageStore(context: CoreContext): ImageStore {
  if (!context.images) throw new TypeError('createDukaan was given no image store');
  return context.images;
}

/** Checks an upload by its content (not its name) and size; returns its type. */
export function checkImage(bytes: Uint8Array, path = 'file') {
  const fail = (message: string) => new ValidationFailedError('The image was not accepted', [{ path, message }]);
  if (bytes.byteLength === 0) throw fail('the file is empty');
  if (bytes.byteLength > maxImageBytes) throw fail('the image must be at most 5 MB');
  const type = sniffImageType(bytes);
  if (!type) throw fail('the file must be a JPEG, PNG or WebP image');
  return type;
}

/** Stores an uploaded image and appends it to the product's images. */
export async function addProductImage(context: CoreContext, storeId: string, id: string, bytes: Uint8Array): Promise<{ url: string; product: Product }> {
  const type = checkImage(bytes);
  const before = await getProduct(context, storeId, id);
  if (before.images.length >= maxImagesPerProduct) {
    throw new ValidationFailedError('The image was not accepted', [{ path: 'file', message: `a product may have at most ${maxImagesPerProduct} images` }]);
  }
  const saved = await imageStore(context).save(bytes, type, `${storeId}/`);
  const product = await context.persistence.products.update(storeId, id, { images: [...before.images, saved] }, nowIso(context));
  if (!product) {
    await imageStore(context).delete(saved.key);
    throw new NotFoundError('Product not found');
  }
  await context.events.publish({ type: 'catalog.changed', storeId });
  return { url: saved.url, product };
}

/** Removes one image from the product and deletes its file. */
export async function removeProductImage(context: CoreContext, storeId: string, id: string, key: string): Promise<Product> {
  const before = await getProduct(context, storeId, id);
  if (!before.images.some((image) => image.key === key)) throw new NotFoundError('Image not found');
  const images = before.images.filter((image) => image.key !== key);
  const product = await context.persistence.products.update(storeId, id, { images }, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await imageStore(context).delete(key);
  await context.events.publish({ type: 'catalog.changed', storeId });
  return product;
}

/** Stores a store logo and returns its URL (the caller saves it in the settings). */
export async function saveStoreLogo(context: CoreContext, storeId: string, bytes: Uint8Array): Promise<string> {
  const type = checkImage(bytes, 'logo');
  const saved = await imageStore(context).save(bytes, type, `${storeId}/logo-`);
  return saved.url;
}
