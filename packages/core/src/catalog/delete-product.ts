import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';
import { deleteImageFiles } from './image-files.js';

/** Removes a product and its image files; past orders keep their copied lines. */
export async function deleteProduct(context: CoreContext, storeId: string, id: string): Promise<void> {
  const removed = await context.persistence.products.delete(storeId, id);
  if (!removed) throw new NotFoundError('Product not found');
  await deleteImageFiles(context, removed.images);
  await catalogChanged(context, storeId);
}
