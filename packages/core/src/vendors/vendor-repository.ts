import type { VendorRecord } from './vendor.js';

export interface VendorRepository {
  /** Stores a new vendor; throws ConflictError (detail path `email`) when the email is taken. */
  insert(vendor: VendorRecord): Promise<void>;
  /** The vendor with this (lower-cased) email, or null. */
  findByEmail(email: string): Promise<VendorRecord | null>;
  /** The vendor with this id, or null. */
  findById(id: string): Promise<VendorRecord | null>;
}
