import type { Knex } from 'knex';
import type { VendorRecord } from '../../vendors/vendor.js';
import type { VendorRepository } from '../../vendors/vendor-repository.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { VendorModel } from './models/vendor-model.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** VendorRepository on the `vendors` table. */
export class ObjectionVendorRepository implements VendorRepository {
  constructor(private readonly db: Knex) {}

  async insert(vendor: VendorRecord): Promise<void> {
    await withUniqueFields([uniqueFields.email], () => VendorModel.query(this.db).insert(VendorModel.fromRecord(vendor)));
  }

  async findByEmail(email: string): Promise<VendorRecord | null> {
    // Typed at a login form: one that no row could hold is unknown, not an error.
    if (!canBeStored(email, columnLimits.email)) return null;
    const row = await VendorModel.query(this.db).findOne({ email });
    return row ? row.toRecord() : null;
  }

  async findById(id: string): Promise<VendorRecord | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await VendorModel.query(this.db).findById(id);
    return row ? row.toRecord() : null;
  }
}
