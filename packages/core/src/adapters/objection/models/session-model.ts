import type { SessionRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const sessionKeys = ['id', 'vendorId', 'storeId', 'tokenHash', 'createdAt', 'expiresAt', 'userAgent', 'lastSeenAt'] as const satisfies readonly (keyof SessionRecord)[];

/** A row of `sessions`. */
export class SessionModel extends BaseModel {
  static override tableName = 'sessions';

  declare id: string;
  declare vendorId: string;
  declare storeId: string;
  declare tokenHash: string;
  declare createdAt: string;
  declare expiresAt: string;
  declare userAgent: string | null;
  declare lastSeenAt: string | null;

  /** The row of a new session. */
  static fromRecord(session: SessionRecord): SessionModel {
    return SessionModel.fromJson(pick(session, sessionKeys), { skipValidation: true });
  }

  /** The domain record of this row (columns a partial row lacks read as null). */
  toRecord(): SessionRecord {
    return { userAgent: null, lastSeenAt: null, ...pick(this, sessionKeys) } as unknown as SessionRecord;
  }
}
