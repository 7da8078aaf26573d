import type { Locale } from '../i18n/locales.js';
import type { VendorRecord } from './vendor.js';

/** Erased vendors (closed accounts) are kept as empty rows so ids stay unique; the finds never return them. */
export interface VendorRepository {
  /** Stores a new vendor; throws ConflictError (detail path `email`) when the email is taken. */
  insert(vendor: VendorRecord): Promise<void>;
  /** The vendor with this (lower-cased) email, or null. */
  findByEmail(email: string): Promise<VendorRecord | null>;
  /** The vendor with this id, or null. */
  findById(id: string): Promise<VendorRecord | null>;
  /** Replaces the password hash and records when; resolves whether the vendor exists. */
  updatePassword(id: string, passwordHash: string, at: string): Promise<boolean>;
  /** Changes the (lower-cased) email; ConflictError (path `email`) when another vendor has it; resolves whether the vendor exists. */
  updateEmail(id: string, email: string): Promise<boolean>;
  /** Changes the vendor's language; resolves whether the vendor exists (erased ones do not). */
  updateLocale(id: string, locale: Locale): Promise<boolean>;
  /**
   * Erases the vendor's personal data, keeping the row: the email becomes
   * `deleted-<id>@invalid` (freeing the real one), the password hash '' (which never verifies),
   * and `deleted_at` is set. Resolves whether there was such a vendor.
   */
  erase(id: string, at: string): Promise<boolean>;
}
