import { BaseModel } from './base-model.js';

/** A row of `store_slugs`: a slug a store has or had, reserved to it for good. */
export class StoreSlugModel extends BaseModel {
  static override tableName = 'store_slugs';
  static override idColumn = 'slug';

  declare slug: string;
  declare storeId: string;
}
