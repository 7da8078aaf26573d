import { nowIso, type CoreContext } from '../context.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { catalogChanged } from './catalog-events.js';
import type { Category } from './category.js';
import { categoryCreateSchema } from './schemas.js';

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
