import type { Knex } from 'knex';
import { NotFoundError } from '../../errors.js';
import { oldSlugsKept } from '../../vendors/store-repository.js';
import type { SlugResolution, StoreRepository } from '../../vendors/store-repository.js';
import type { Store, StoreSettings } from '../../vendors/vendor.js';
import { atomically } from './atomically.js';
import type { Dialect } from './dialect.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { StoreModel } from './models/store-model.js';
import { firstRow } from './raw-statements.js';
import { StoreSlugModel } from './models/store-slug-model.js';
import { conflictOn, translateUniqueViolation, uniqueFields, withUniqueFields } from './unique-violation.js';

/** StoreRepository on `stores`, with the current and the most recent earlier slugs in `store_slugs`. */
export class ObjectionStoreRepository implements StoreRepository {
  constructor(
    private readonly db: Knex,
    private readonly dialect: Dialect,
  ) {}

  async insert(store: Store): Promise<void> {
    await withUniqueFields([uniqueFields.slug], () =>
      atomically(this.db, async (trx) => {
        await StoreModel.query(trx).insert(StoreModel.fromStore(store));
        await StoreSlugModel.query(trx).insert({ slug: store.slug, storeId: store.id, retiredAt: null });
      }),
    );
  }

  async findById(id: string): Promise<Store | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    // Raw: read in every checkout and by the order mail (raw-statements.ts).
    const row = await firstRow<Record<string, unknown>>(this.db, 'SELECT * FROM stores WHERE id = ?', [id]);
    return row ? StoreModel.fromDatabaseJson(row).toStore() : null;
  }

  async lock(id: string): Promise<Store | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await this.dialect.lockRows(StoreModel.query(this.db).findById(id));
    return row ? row.toStore() : null;
  }

  async findByVendorId(vendorId: string): Promise<Store | null> {
    const row = await StoreModel.query(this.db).findOne({ vendor_id: vendorId }).whereNull('closed_at');
    return row ? row.toStore() : null;
  }

  async resolveSlug(slug: string): Promise<SlugResolution | null> {
    // Slugs come from URLs: one that no column could hold is simply unknown.
    if (!canBeStored(slug, columnLimits.slug)) return null;
    const row = (await this.db('store_slugs')
      .join('stores', 'stores.id', 'store_slugs.store_id')
      .where('store_slugs.slug', slug)
      .whereNull('stores.closed_at')
      .first('stores.id as storeId', 'stores.slug as currentSlug')) as SlugResolution | undefined;
    return row ? { storeId: row.storeId, currentSlug: row.currentSlug } : null;
  }

  async update(id: string, patch: Partial<StoreSettings>, updatedAt: string): Promise<Store | null> {
    const rows = await StoreModel.query(this.db)
      .patch({ ...StoreModel.settingsPatch(patch), updatedAt })
      .where('id', id)
      .whereNull('closed_at')
      .returning('*');
    const row = rows[0];
    return row ? row.toStore() : null;
  }

  async changeSlug(id: string, slug: string, updatedAt: string): Promise<Store> {
    try {
      return await atomically(this.db, async (trx) => {
        const held = await StoreSlugModel.query(trx).findById(slug);
        if (held && held.storeId !== id) throw conflictOn(uniqueFields.slug);
        // The store row first: its lock serialises two changes of the same store.
        const rows = await StoreModel.query(trx).patch({ slug, updatedAt }).where('id', id).whereNull('closed_at').returning('*');
        const row = rows[0];
        if (!row) throw new NotFoundError('Store not found');
        await StoreSlugModel.query(trx)
          .patch({ retiredAt: updatedAt })
          .where('store_id', id)
          .whereNull('retired_at')
          .whereNot('slug', slug);
        // A slug the store had before is still reserved to it; it only becomes current again.
        if (held) await StoreSlugModel.query(trx).patch({ retiredAt: null }).where('slug', slug);
        else await StoreSlugModel.query(trx).insert({ slug, storeId: id, retiredAt: null });
        await freeOldSlugs(trx, id);
        return row.toStore();
      });
    } catch (error) {
      // Two stores racing for the same new slug: the loser hits the primary key.
      throw translateUniqueViolation(error, [uniqueFields.slug]);
    }
  }

  async close(id: string, at: string): Promise<string[] | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    return atomically(this.db, async (trx) => {
      const closed = await StoreModel.query(trx).patch({ ...closedStorePatch, closedAt: at, updatedAt: at }).where('id', id).whereNull('closed_at');
      if (closed === 0) return null;
      // Kept, not deleted: a closed store's links must not pass to whoever asks for them next.
      const slugs = (await trx('store_slugs').where('store_id', id).orderBy('slug').pluck('slug')) as string[];
      return slugs;
    });
  }
}

/** What closing a store clears: everything personal about the vendor it showed the public, its UPI ID included. */
const closedStorePatch = {
  isOpen: false,
  phone: null,
  pickupAddress: '',
  description: '',
  logoUrl: null,
  // The VPA is often the vendor's phone number (9876543210@ybl).
  upiId: null,
  paymentMethods: ['cod'],
} satisfies Partial<Store>;

/**
 * Frees the store's earlier slugs beyond the `oldSlugsKept` most recently retired, so that one
 * store cannot park an unbounded number of names; their links stop redirecting.
 */
async function freeOldSlugs(db: Knex, storeId: string): Promise<void> {
  const kept = db('store_slugs')
    .select('slug')
    .where('store_id', storeId)
    .whereNotNull('retired_at')
    .orderBy([{ column: 'retired_at', order: 'desc' }, { column: 'slug' }])
    .limit(oldSlugsKept);
  await db('store_slugs').where('store_id', storeId).whereNotNull('retired_at').whereNotIn('slug', kept).delete();
}
