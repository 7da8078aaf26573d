import type { AccountTokenPurpose, AccountTokenRecord } from '../../../vendors/account-token-repository.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const accountTokenKeys = ['id', 'vendorId', 'purpose', 'tokenHash', 'newEmail', 'createdAt', 'expiresAt', 'usedAt'] as const satisfies readonly (keyof AccountTokenRecord)[];

/** A row of `account_tokens`. */
export class AccountTokenModel extends BaseModel {
  static override tableName = 'account_tokens';

  declare id: string;
  declare vendorId: string;
  declare purpose: AccountTokenPurpose;
  declare tokenHash: string;
  declare newEmail: string | null;
  declare createdAt: string;
  declare expiresAt: string;
  declare usedAt: string | null;

  /** The row of a new token. */
  static fromRecord(token: AccountTokenRecord): AccountTokenModel {
    return AccountTokenModel.fromJson(pick(token, accountTokenKeys), { skipValidation: true });
  }

  /** The domain record of this row. */
  toRecord(): AccountTokenRecord {
    return pick(this, accountTokenKeys) as unknown as AccountTokenRecord;
  }
}
