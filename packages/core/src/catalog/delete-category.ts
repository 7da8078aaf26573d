import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';

/** Removes a category; its products stay, without a category. */
export async function deleteCategory(context: CoreContext, storeId: string, id: string): Promise<void> {
  if (!(await context.persistence.categories.delete(storeId, id))) throw new NotFoundError('Category not found');
  await catalogChanged(context, storeId);
}
