import type { Category } from '../../../catalog/category.js';
import { BaseModel } from './base-model.js';

/** A row of `categories`. */
export class CategoryModel extends BaseModel {
  static override tableName = 'categories';

  declare id: string;
  declare storeId: string;
  declare name: string;
  declare position: number;
  declare createdAt: string;
  declare updatedAt: string;
}

/** The domain category of a category row. */
export function toCategory(m: CategoryModel): Category {
  return {
    id: m.id,
    storeId: m.storeId,
    name: m.name,
    position: m.position,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
