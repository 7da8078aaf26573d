import type { Knex } from 'knex';
import { NotFoundError } from '../../errors.js';
import type { SlugResolution, StoreRepository } from '../../vendors/store-repository.js';
import type { Store, StoreSettings } from '../../vendors/vendor.js';
import { StoreModel, toStore } from './models/store-model.js';
import { StoreSlugModel } from './models/store-slug-model.js';
import { atomically } from './atomically.js';
import { conflictOn, translateUniqueViolation, uniqueFields, withUniqueFields } from './unique-violation.js';

const settingsKeys: readonly (keyof StoreSettings)[] = [
  'name',
  'description',
  'phone',
  'pickupAddress',
  'logoUrl',
  'currency',
  'deliveryFee',
  'freeDeliveryAbove',
  'minOrderValue',
  'isOpen',
  'autoAcceptOrders',
];

/** StoreRepository on `stores`, with every slug a store ever had kept in `store_slugs`. */
export class ObjectionStoreRepository implements StoreRepository {
  constructor(private readonly db: Knex) {}

  async insert(store: Store): Promise<void> {
    await withUniqueFields([uniqueFields.slug], () =>
      atomically(this.db, async (trx) => {
        await StoreModel.query(trx).insert({ ...store });
        await StoreSlugModel.query(trx).insert({ slug: store.slug, storeId: store.id });
      }),
    );
  }

  async findById(id: string): Promise<Store | null> {
    const row = await StoreModel.query(this.db).findById(id);
    return row ? toStore(row) : null;
  }

  async findByVendorId(vendorId: string): Promise<Store | null> {
    const row = await StoreModel.query(this.db).findOne({ vendor_id: vendorId });
    return row ? toStore(row) : null;
  }

  async resolveSlug(slug: string): Promise<SlugResolution | null> {
    const row = (await this.db('store_slugs')
      .join('stores', 'stores.id', 'store_slugs.store_id')
      .where('store_slugs.slug', slug)
      .first('stores.id as storeId', 'stores.slug as currentSlug')) as SlugResolution | undefined;
    return row ? { storeId: row.storeId, currentSlug: row.currentSlug } : null;
  }

  async update(id: string, patch: Partial<StoreSettings>, updatedAt: string): Promise<Store | null> {
    const changes: Partial<StoreModel> = { updatedAt };
    for (const key of settingsKeys) {
      if (patch[key] !== undefined) Object.assign(changes, { [key]: patch[key] });
    }
    const rows = await StoreModel.query(this.db).patch(changes).where('id', id).returning('*');
    const row = rows[0];
    return row ? toStore(row) : null;
  }

  async changeSlug(id: string, slug: string, updatedAt: string): Promise<Store> {
    try {
      return await atomically(this.db, async (trx) => {
        const held = await StoreSlugModel.query(trx).findById(slug);
        if (held && held.storeId !== id) throw conflictOn(uniqueFields.slug);
        const rows = await StoreModel.query(trx).patch({ slug, updatedAt }).where('id', id).returning('*');
        const row = rows[0];
        if (!row) throw new NotFoundError('Store not found');
        // A slug the store had before is already reserved to it; it only becomes current again.
        if (!held) await StoreSlugModel.query(trx).insert({ slug, storeId: id });
        return toStore(row);
      });
    } catch (error) {
      // Two stores racing for the same new slug: the loser hits the primary key.
      throw translateUniqueViolation(error, [uniqueFields.slug]);
    }
  }

  nextOrderNumber(id: string): Promise<number> {
    return nextOrderNumber(this.db, id);
  }
}

/**
 * Takes the store's next order number in one statement: the row lock it takes serialises
 * concurrent checkouts of the store until commit, and a rollback gives the number back, so
 * numbers have no gaps.
 */
export async function nextOrderNumber(db: Knex, storeId: string): Promise<number> {
  const rows = (await db('stores').where('id', storeId).increment('next_order_number', 1).returning('next_order_number')) as {
    next_order_number: number;
  }[];
  const row = rows[0];
  if (!row) throw new NotFoundError('Store not found');
  return Number(row.next_order_number) - 1;
}
