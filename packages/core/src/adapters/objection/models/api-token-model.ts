import type { ApiTokenRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';

/** A row of `api_tokens`. */
export class ApiTokenModel extends BaseModel {
  static override tableName = 'api_tokens';

  declare id: string;
  declare vendorId: string;
  declare storeId: string;
  declare name: string;
  declare tokenHash: string;
  declare createdAt: string;
}

/** The domain record of an API token row. */
export function toApiTokenRecord(m: ApiTokenModel): ApiTokenRecord {
  return { id: m.id, vendorId: m.vendorId, storeId: m.storeId, name: m.name, tokenHash: m.tokenHash, createdAt: m.createdAt };
}
