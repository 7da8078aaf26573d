import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { catalogChanged } from './catalog-events.js';
import type { Category } from './category.js';
import { categoryUpdateSchema } from './schemas.js';

/** Renames or moves a category; NotFoundError for another store's or an unknown id. */
export async function updateCategory(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Category> {
  const patch = validate(categoryUpdateSchema, input);
  const category = await context.persistence.categories.update(storeId, id, patch, nowIso(context));
  if (!category) throw new NotFoundError('Category not found');
  await catalogChanged(context, storeId);
  return category;
}
