import type { Locale } from '../../../i18n/locales.js';
import type { VendorRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const vendorKeys = ['id', 'email', 'passwordHash', 'createdAt', 'passwordChangedAt', 'locale'] as const satisfies readonly (keyof VendorRecord)[];

/** A row of `vendors`. */
export class VendorModel extends BaseModel {
  static override tableName = 'vendors';

  declare id: string;
  declare email: string;
  declare passwordHash: string;
  declare createdAt: string;
  declare passwordChangedAt: string | null;
  declare deletedAt: string | null;
  declare locale: Locale;

  /** The row of a new vendor. */
  static fromRecord(vendor: VendorRecord): VendorModel {
    return VendorModel.fromJson(pick(vendor, vendorKeys), { skipValidation: true });
  }

  /** The domain record of this row. */
  toRecord(): VendorRecord {
    return pick(this, vendorKeys) as unknown as VendorRecord;
  }
}
