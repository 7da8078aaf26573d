import type { Store, StoreSettings } from './vendor.js';

/** What a slug resolves to: the store and its current slug (which differs for an old slug). */
export interface SlugResolution {
  storeId: string;
  currentSlug: string;
}

export interface StoreRepository {
  /** Stores a new store and reserves its slug; throws ConflictError (path `slug`) when the slug is taken. */
  insert(store: Store): Promise<void>;
  /** The store with this id, or null. */
  findById(id: string): Promise<Store | null>;
  /** The store owned by this vendor, or null. */
  findByVendorId(vendorId: string): Promise<Store | null>;
  /** Resolves a current or earlier slug; null when no store ever had it. */
  resolveSlug(slug: string): Promise<SlugResolution | null>;
  /** Changes settings and returns the store; null when there is no such store. */
  update(id: string, patch: Partial<StoreSettings>, updatedAt: string): Promise<Store | null>;
  /**
   * Makes `slug` the store's current slug, keeping every earlier slug reserved to it.
   * Throws ConflictError (path `slug`) when another store holds or held the slug.
   */
  changeSlug(id: string, slug: string, updatedAt: string): Promise<Store>;
  /** Takes the next order number for the store (1001, 1002, …); call inside a transaction. */
  nextOrderNumber(id: string): Promise<number>;
}
