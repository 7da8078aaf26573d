import type { Knex } from 'knex';
import type { VendorRecord } from '../../vendors/vendor.js';
import type { VendorRepository } from '../../vendors/vendor-repository.js';
import { VendorModel, toVendorRecord } from './models/vendor-model.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** VendorRepository on the `vendors` table. */
export class ObjectionVendorRepository implements VendorRepository {
  constructor(private readonly db: Knex) {}

  async insert(vendor: VendorRecord): Promise<void> {
    await withUniqueFields([uniqueFields.email], () => VendorModel.query(this.db).insert({ ...vendor }));
  }

  async findByEmail(email: string): Promise<VendorRecord | null> {
    const row = await VendorModel.query(this.db).findOne({ email });
    return row ? toVendorRecord(row) : null;
  }

  async findById(id: string): Promise<VendorRecord | null> {
    const row = await VendorModel.query(this.db).findById(id);
    return row ? toVendorRecord(row) : null;
  }
}
