import type { ProductImage } from './product.js';

/** Every file the images hold, each once: what deleting them, or exporting them, goes through. */
export function imageFileKeys(images: readonly ProductImage[]): string[] {
  return [...new Set(images.flatMap((image) => (image.fileKeys.length > 0 ? image.fileKeys : [image.key])))];
}
