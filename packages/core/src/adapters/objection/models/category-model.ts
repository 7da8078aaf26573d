import type { Category } from '../../../catalog/category.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const categoryKeys = ['id', 'storeId', 'name', 'position', 'createdAt', 'updatedAt'] as const satisfies readonly (keyof Category)[];

/** A row of `categories`. */
export class CategoryModel extends BaseModel {
  static override tableName = 'categories';

  declare id: string;
  declare storeId: string;
  declare name: string;
  declare position: number;
  declare createdAt: string;
  declare updatedAt: string;

  /** The row of a new category. */
  static fromCategory(category: Category): CategoryModel {
    return CategoryModel.fromJson(pick(category, categoryKeys), { skipValidation: true });
  }

  /** The domain category of this row. */
  toCategory(): Category {
    return pick(this, categoryKeys) as unknown as Category;
  }
}
