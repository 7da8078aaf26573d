import type { ApiTokenRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const tokenKeys = ['id', 'vendorId', 'storeId', 'name', 'tokenHash', 'createdAt', 'prefix', 'lastUsedAt'] as const satisfies readonly (keyof ApiTokenRecord)[];

/** A row of `api_tokens`. */
export class ApiTokenModel extends BaseModel {
  static override tableName = 'api_tokens';

  declare id: string;
  declare vendorId: string;
  declare storeId: string;
  declare name: string;
  declare tokenHash: string;
  declare createdAt: string;
  declare prefix: string | null;
  declare lastUsedAt: string | null;

  /** The row of a new token. */
  static fromRecord(token: ApiTokenRecord): ApiTokenModel {
    return ApiTokenModel.fromJson(pick(token, tokenKeys), { skipValidation: true });
  }

  /** The domain record of this row. */
  toRecord(): ApiTokenRecord {
    return { prefix: null, lastUsedAt: null, ...pick(this, tokenKeys) } as unknown as ApiTokenRecord;
  }
}
