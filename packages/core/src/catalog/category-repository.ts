import type { Category } from './category.js';

export interface CategoryRepository {
  /** Stores a new category. */
  insert(category: Category): Promise<void>;
  /** The store's categories by position, then creation. */
  list(storeId: string): Promise<Category[]>;
  /** The store's category, or null (also for another store's id). */
  findById(storeId: string, id: string): Promise<Category | null>;
  /** Changes and returns the category; null when the store has no such category. */
  update(storeId: string, id: string, patch: Partial<Pick<Category, 'name' | 'position'>>, updatedAt: string): Promise<Category | null>;
  /** Removes the category (its products lose it); resolves whether it existed. */
  delete(storeId: string, id: string): Promise<boolean>;
}
