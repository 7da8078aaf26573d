import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';

/** Removes a product and its image files; past orders keep their copied lines. */
export async function deleteProduct(context: CoreContext, storeId: string, id: string): Promise<void> {
  const removed = await context.persistence.products.delete(storeId, id);
  if (!removed) throw new NotFoundError('Product not found');
  await Promise.all(removed.images.map((image) => context.images?.delete(image.key)));
  await catalogChanged(context, storeId);
}
