import type { SessionRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const sessionKeys = ['id', 'vendorId', 'storeId', 'tokenHash', 'createdAt', 'expiresAt'] as const satisfies readonly (keyof SessionRecord)[];

/** A row of `sessions`. */
export class SessionModel extends BaseModel {
  static override tableName = 'sessions';

  declare id: string;
  declare vendorId: string;
  declare storeId: string;
  declare tokenHash: string;
  declare createdAt: string;
  declare expiresAt: string;

  /** The row of a new session. */
  static fromRecord(session: SessionRecord): SessionModel {
    return SessionModel.fromJson(pick(session, sessionKeys), { skipValidation: true });
  }

  /** The domain record of this row. */
  toRecord(): SessionRecord {
    return pick(this, sessionKeys) as unknown as SessionRecord;
  }
}
