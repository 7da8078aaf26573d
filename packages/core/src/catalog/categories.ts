import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import type { Category } from './category.js';
import { categoryCreateSchema, categoryUpdateSchema } from './schemas.js';

function catalogChanged(context: CoreContext, storeId: string): Promise<void> {
  return context.events.publish({ type: 'catalog.changed', storeId });
}

/** The store's categories in display order. */
export function listCategories(context: CoreContext, storeId: string): Promise<Category[]> {
  return context.persistence.categories.list(storeId);
}

/** Adds a category; without a position it goes last. */
export async function createCategory(context: CoreContext, storeId: string, input: unknown): Promise<Category> {
  const value = validate(categoryCreateSchema, input);
  const at = nowIso(context);
  const existing = value.position === undefined ? await context.persistence.categories.list(storeId) : [];
  const position = value.position ?? existing.reduce((max, c) => Math.max(max, c.position + 1), 0);
  const category: Category = { id: newId(), storeId, name: value.name, position, createdAt: at, updatedAt: at };
  await context.persistence.categories.insert(category);
  await catalogChanged(context, storeId);
  return category;
}

/** Renames or moves a category; NotFoundError for another store's or an unknown id. */
export async function updateCategory(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Category> {
  const patch = validate(categoryUpdateSchema, input);
  const category = await context.persistence.categories.update(storeId, id, patch, nowIso(context));
  if (!category) throw new NotFoundError('Category not found');
  await catalogChanged(context, storeId);
  return category;
}

/** Removes a category; its products stay, without a category. */
export async function deleteCategory(context: CoreContext, storeId: string, id: string): Promise<void> {
  if (!(await context.persistence.categories.delete(storeId, id))) throw new NotFoundError('Category not found');
  await catalogChanged(context, storeId);
}
