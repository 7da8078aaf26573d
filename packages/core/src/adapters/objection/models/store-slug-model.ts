import { BaseModel } from './base-model.js';

/**
 * A row of `store_slugs`: a slug a store has or had, reserved to it while it is kept.
 * `retiredAt` is when it stopped being the current slug (null for the current one); the
 * most recent earlier slugs are kept, older ones are freed.
 */
export class StoreSlugModel extends BaseModel {
  static override tableName = 'store_slugs';
  static override idColumn = 'slug';

  declare slug: string;
  declare storeId: string;
  declare retiredAt: string | null;
}
