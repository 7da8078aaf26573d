import type { SessionRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';

/** A row of `sessions`. */
export class SessionModel extends BaseModel {
  static override tableName = 'sessions';

  declare id: string;
  declare vendorId: string;
  declare storeId: string;
  declare tokenHash: string;
  declare createdAt: string;
  declare expiresAt: string;
}

/** The domain record of a session row. */
export function toSessionRecord(m: SessionModel): SessionRecord {
  return {
    id: m.id,
    vendorId: m.vendorId,
    storeId: m.storeId,
    tokenHash: m.tokenHash,
    createdAt: m.createdAt,
    expiresAt: m.expiresAt,
  };
}
