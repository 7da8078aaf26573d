import type { Knex } from 'knex';
import type { Category } from '../../catalog/category.js';
import type { CategoryRepository } from '../../catalog/category-repository.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { CategoryModel } from './models/category-model.js';

/** CategoryRepository on the `categories` table; every query is scoped to the store. */
export class ObjectionCategoryRepository implements CategoryRepository {
  constructor(private readonly db: Knex) {}

  async insert(category: Category): Promise<void> {
    await CategoryModel.query(this.db).insert(CategoryModel.fromCategory(category));
  }

  async list(storeId: string): Promise<Category[]> {
    // Ids are UUIDv7, so id order is creation order.
    const rows = await CategoryModel.query(this.db).where('store_id', storeId).orderBy([{ column: 'position' }, { column: 'id' }]);
    return rows.map((row) => row.toCategory());
  }

  async findById(storeId: string, id: string): Promise<Category | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await CategoryModel.query(this.db).findOne({ store_id: storeId, id });
    return row ? row.toCategory() : null;
  }

  async update(
    storeId: string,
    id: string,
    patch: Partial<Pick<Category, 'name' | 'position'>>,
    updatedAt: string,
  ): Promise<Category | null> {
    const changes: Partial<CategoryModel> = { updatedAt };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.position !== undefined) changes.position = patch.position;
    const rows = await CategoryModel.query(this.db).patch(changes).where({ store_id: storeId, id }).returning('*');
    const row = rows[0];
    return row ? row.toCategory() : null;
  }

  async delete(storeId: string, id: string): Promise<boolean> {
    // The foreign key sets products.category_id to NULL.
    return (await CategoryModel.query(this.db).delete().where({ store_id: storeId, id })) > 0;
  }
}
