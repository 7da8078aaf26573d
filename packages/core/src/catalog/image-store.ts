/** The image formats accepted for upload. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Keeps uploaded image files and says where they are served. */
export interface ImageStore {
  /** Writes the bytes under a new unique key and returns the key and its public URL. */
  save(bytes: Uint8Array, type: ImageType, prefix: string): Promise<{ key: string; url: string }>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** The stored bytes, or null when the file is gone (a data export reads every image back). */
  read(key: string): Promise<Uint8Array | null>;
}
