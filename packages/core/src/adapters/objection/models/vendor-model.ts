import type { VendorRecord } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';

/** A row of `vendors`. */
export class VendorModel extends BaseModel {
  static override tableName = 'vendors';

  declare id: string;
  declare email: string;
  declare passwordHash: string;
  declare createdAt: string;
}

/** The domain record of a vendor row. */
export function toVendorRecord(m: VendorModel): VendorRecord {
  return { id: m.id, email: m.email, passwordHash: m.passwordHash, createdAt: m.createdAt };
}
