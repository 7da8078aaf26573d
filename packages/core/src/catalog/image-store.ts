/** The image formats accepted for upload. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The formats the store writes: uploads' types and the renditions made of them. */
export type StoredImageType = ImageType;

/** Keeps uploaded image files and says where they are served. */
export interface ImageStore {
  /** Writes the bytes under a new unique key and returns the key and its public URL (logos). */
  save(bytes: Uint8Array, type: ImageType, prefix: string): Promise<{ key: string; url: string }>;
  /**
   * Writes the bytes under `key`, chosen by the caller from the content (a hash), and returns
   * its public URL. Writing a key that exists again is harmless: its bytes are the same. Keys
   * are `segment/segment/name.ext` of letters, digits, `_` and `-`; anything else is a TypeError.
   */
  put(key: string, bytes: Uint8Array, type: StoredImageType): Promise<{ url: string }>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** The stored bytes, or null when the file is gone (a data export reads every image back). */
  read(key: string): Promise<Uint8Array | null>;
}
