import type { CoreContext } from '../context.js';
import type { Category } from './category.js';

/** The store's categories in display order. */
export function listCategories(context: CoreContext, storeId: string): Promise<Category[]> {
  return context.persistence.categories.list(storeId);
}
