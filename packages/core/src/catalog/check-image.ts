import { ValidationFailedError } from '../errors.js';
import { readImageSize } from './image-dimensions.js';
import type { ImageType } from './image-store.js';
import { sniffImageType } from './image-type.js';

/** The most bytes an uploaded image may have: 5 MB. */
export const maxImageBytes = 5 * 1024 * 1024;
/** The longest side an image may have, in pixels. */
export const maxImageSide = 10_000;
/** The most pixels an image may have: 40 megapixels (a phone photo is 12-50; decoded, 40 MP is 160 MB). */
export const maxImagePixels = 40_000_000;

/**
 * Checks an upload by its content (not its name): its size in bytes, its format, and the pixel
 * size its headers declare, before anything decodes it. A small file can declare a huge image
 * (a 1 MB PNG of 20000x20000 decodes to 1.6 GB), which would exhaust whatever later decodes it,
 * in the server or in a customer's phone. Returns the type.
 */
export function checkImage(bytes: Uint8Array, path = 'file'): ImageType {
  const fail = (message: string) => new ValidationFailedError('The image was not accepted', [{ path, message }]);
  if (bytes.byteLength === 0) throw fail('The file is empty');
  if (bytes.byteLength > maxImageBytes) throw fail('The image must be at most 5 MB');
  const type = sniffImageType(bytes);
  if (!type) throw fail('The file must be a JPEG, PNG or WebP image');
  const size = readImageSize(bytes, type);
  if (!size) throw fail('The file is damaged or not really an image');
  if (size.width > maxImageSide || size.height > maxImageSide || size.width * size.height > maxImagePixels) {
    throw fail(`The image is ${size.width}×${size.height} pixels; it may be at most ${maxImageSide} pixels on a side and 40 megapixels`);
  }
  return type;
}
