import type { CoreContext } from '../context.js';
import { imageFileKeys } from './image-record.js';
import type { ProductImage } from './product.js';

/**
 * Deletes every file of the images (each size and format; the one file of an older image),
 * best effort: the product is already gone or changed, so a file that cannot be deleted is
 * reported and the rest still go. For deleting products, one or many.
 */
export async function deleteImageFiles(context: Pick<CoreContext, 'images' | 'onError'>, images: readonly ProductImage[]): Promise<void> {
  const store = context.images;
  if (!store) return;
  await Promise.all(imageFileKeys(images).map((key) => store.delete(key).catch((error: unknown) => context.onError(error, 'delete image file'))));
}
