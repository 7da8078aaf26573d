import type { Store, StoreSettings } from './vendor.js';

/** What a slug resolves to: the store and its current slug (which differs for an old slug). */
export interface SlugResolution {
  storeId: string;
  currentSlug: string;
}

/**
 * How many earlier slugs a store keeps (the most recently retired): their links redirect
 * to the current one and no other store may take them. Older ones are freed, so that one
 * store cannot hold an unbounded number of names.
 */
export const oldSlugsKept = 5;

export interface StoreRepository {
  /** Stores a new store and reserves its slug; throws ConflictError (path `slug`) when the slug is taken. */
  insert(store: Store): Promise<void>;
  /** The store with this id, or null. */
  findById(id: string): Promise<Store | null>;
  /**
   * The store with this id, or null; inside a transaction the store's row stays locked until the
   * transaction ends, so use cases that lock the same store take turns (a currency change and a
   * product being created). Outside a transaction, like findById.
   */
  lock(id: string): Promise<Store | null>;
  /** The open-for-business (not closed) store owned by this vendor, or null. */
  findByVendorId(vendorId: string): Promise<Store | null>;
  /**
   * Resolves a current or kept earlier slug; null when no store has or keeps it, or when its
   * store is closed (also for a value no slug column could hold, such as one with a NUL byte or
   * too long). A closed store's slugs stay reserved: nobody can take over its links.
   */
  resolveSlug(slug: string): Promise<SlugResolution | null>;
  /** Changes settings and returns the store; null when there is no such store, or it is closed (closed stores are not written). */
  update(id: string, patch: Partial<StoreSettings>, updatedAt: string): Promise<Store | null>;
  /**
   * Makes `slug` the store's current slug, keeping the `oldSlugsKept` most recent earlier
   * slugs reserved to it (older ones are freed). Throws ConflictError (path `slug`) when
   * another store has or keeps the slug; NotFoundError when there is no such store, or it is closed.
   */
  changeSlug(id: string, slug: string, updatedAt: string): Promise<Store>;
  /**
   * Closes the store for good (its vendor closed the account): `closed_at` set, not open, and
   * the personal fields cleared (phone, pickup address, description, logo). Its slugs stay
   * reserved to it. Resolves every slug it holds (for the caches to forget), or null when there
   * is no such open store (unknown, or closed already: of two concurrent closes, one gets null).
   */
  close(id: string, at: string): Promise<string[] | null>;
}
