import type { CoreContext } from '../context.js';
import { ValidationFailedError } from '../errors.js';

/** A product may only be filed under a category of its own store. */
export async function assertCategory(context: CoreContext, storeId: string, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  if (!(await context.persistence.categories.findById(storeId, categoryId))) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'categoryId', message: 'Category is not a category of this store' }]);
  }
}
