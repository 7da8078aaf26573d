import type { Knex } from 'knex';
import type { Locale } from '../../i18n/locales.js';
import type { VendorRecord } from '../../vendors/vendor.js';
import type { VendorRepository } from '../../vendors/vendor-repository.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { VendorModel } from './models/vendor-model.js';
import { firstRow } from './raw-statements.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** VendorRepository on the `vendors` table; erased vendors (`deleted_at` set) are invisible to the finds. */
export class ObjectionVendorRepository implements VendorRepository {
  constructor(private readonly db: Knex) {}

  async insert(vendor: VendorRecord): Promise<void> {
    await withUniqueFields([uniqueFields.email], () => VendorModel.query(this.db).insert(VendorModel.fromRecord(vendor)));
  }

  async findByEmail(email: string): Promise<VendorRecord | null> {
    // Typed at a login form: one that no row could hold is unknown, not an error.
    if (!canBeStored(email, columnLimits.email)) return null;
    const row = await VendorModel.query(this.db).findOne({ email }).whereNull('deleted_at');
    return row ? row.toRecord() : null;
  }

  async findById(id: string): Promise<VendorRecord | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    // Raw: read by the order mail of every new order (raw-statements.ts).
    const row = await firstRow<Record<string, unknown>>(this.db, 'SELECT * FROM vendors WHERE id = ? AND deleted_at IS NULL', [id]);
    return row ? VendorModel.fromDatabaseJson(row).toRecord() : null;
  }

  async updatePassword(id: string, passwordHash: string, at: string): Promise<boolean> {
    const updated = await VendorModel.query(this.db).patch({ passwordHash, passwordChangedAt: at }).where('id', id).whereNull('deleted_at');
    return updated > 0;
  }

  async updateEmail(id: string, email: string): Promise<boolean> {
    const updated = await withUniqueFields([uniqueFields.email], () =>
      VendorModel.query(this.db).patch({ email }).where('id', id).whereNull('deleted_at'),
    );
    return updated > 0;
  }

  async updateLocale(id: string, locale: Locale): Promise<boolean> {
    const updated = await VendorModel.query(this.db).patch({ locale }).where('id', id).whereNull('deleted_at');
    return updated > 0;
  }

  async erase(id: string, at: string): Promise<boolean> {
    // `.invalid` is reserved (RFC 2606): the placeholder can never be anyone's address, and
    // with the id in it, it stays unique. An empty hash is not one the hasher accepts.
    const updated = await VendorModel.query(this.db)
      .patch({ email: `deleted-${id}@invalid`, passwordHash: '', deletedAt: at })
      .where('id', id)
      .whereNull('deleted_at');
    return updated > 0;
  }
}
