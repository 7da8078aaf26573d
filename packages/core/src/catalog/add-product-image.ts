import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';
import { checkImage } from './check-image.js';
import { getProduct } from './get-product.js';
import { imageFileKeys } from './image-record.js';
import { processImage, type ProcessedImage, type RenditionFile } from './image-pipeline.js';
import type { ImageStore } from './image-store.js';
import { imageExtensions } from './image-type.js';
import type { Product, ProductImage } from './product.js';
import { requireImageStore } from './require-image-store.js';

/** The most pictures one product may carry (Dukaan's limit; Shopify's editor shows about as many). */
export const maxImagesPerProduct = 8;

function refused(path: string, message: string): ValidationFailedError {
  return new ValidationFailedError('The image was not accepted', [{ path, message }]);
}

/** Runs a check of one of several files; its messages then say which file ("Picture 2: …"). */
async function forFile<T>(label: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof ValidationFailedError) || label === '') throw error;
    throw new ValidationFailedError(error.message, error.details.map((d) => ({ ...d, message: `${label}${d.message.charAt(0).toLowerCase()}${d.message.slice(1)}` })));
  }
}

interface PlannedFile {
  key: string;
  file: RenditionFile;
}

/** The keys a processed image is stored under: the store, the product, the content's hash and the width. */
function plan(prefix: string, processed: ProcessedImage): { files: PlannedFile[]; keyOf: (file: RenditionFile) => string } {
  const keys = new Map<RenditionFile, string>();
  const files: PlannedFile[] = [];
  for (const r of processed) {
    for (const file of [r.webp, r.jpeg]) {
      const key = `${prefix}${file.hash}-${r.width}w.${imageExtensions[file.type]}`;
      keys.set(file, key);
      files.push({ key, file });
    }
  }
  return { files, keyOf: (file) => keys.get(file) ?? '' };
}

/** Writes the files and describes the image; the largest JPEG names it and is its `url`. */
async function store(images: ImageStore, prefix: string, processed: ProcessedImage, written: string[]): Promise<ProductImage> {
  const { files, keyOf } = plan(prefix, processed);
  const urls = new Map<string, string>();
  for (const { key, file } of files) {
    const { url } = await images.put(key, file.bytes, file.type);
    written.push(key);
    urls.set(key, url);
  }
  const urlOf = (file: RenditionFile) => urls.get(keyOf(file)) ?? '';
  const largest = processed[processed.length - 1];
  if (!largest) throw new TypeError('an image without renditions');
  return {
    key: keyOf(largest.jpeg),
    url: urlOf(largest.jpeg),
    width: largest.width,
    height: largest.height,
    renditions: processed.map((r) => ({ width: r.width, height: r.height, webpUrl: urlOf(r.webp), jpegUrl: urlOf(r.jpeg) })),
    fileKeys: files.map((f) => f.key),
  };
}

/**
 * Adds several uploaded photos to a product at once, after its current ones, and returns the
 * product. All or nothing: every file is checked (type, bytes, declared pixels) before any is
 * decoded, then each is processed (see `processImage`) and its files written under
 * content-hashed keys; any refusal names the picture ("Picture 2: …", path `field`) and adds
 * none. A photo the product already has is refused, since its files are the same files. Files
 * written for a change that then fails are deleted again.
 */
export async function addProductImages(context: CoreContext, storeId: string, productId: string, files: Uint8Array[], field = 'file'): Promise<Product> {
  const images = requireImageStore(context);
  const before = await getProduct(context, storeId, productId);
  if (files.length === 0) throw refused(field, 'Choose at least one picture');
  const room = maxImagesPerProduct - before.images.length;
  if (files.length > room) {
    throw refused(
      field,
      room <= 0
        ? `A product may have at most ${maxImagesPerProduct} pictures; remove one before adding another`
        : `A product may have at most ${maxImagesPerProduct} pictures: it has ${before.images.length}, so add at most ${room} more`,
    );
  }
  const labelOf = (i: number) => (files.length > 1 ? `Picture ${i + 1}: ` : '');
  // Cheap header checks for all first: a bad last file must not cost decoding the others.
  for (const [i, bytes] of files.entries()) await forFile(labelOf(i), () => checkImage(bytes, field));
  const processed: ProcessedImage[] = [];
  for (const [i, bytes] of files.entries()) processed.push(await forFile(labelOf(i), () => processImage(bytes, field)));

  const prefix = `${storeId}/${before.id}/`;
  const kept = new Set(imageFileKeys(before.images));
  const written: string[] = [];
  const cleanUp = () => Promise.all(written.filter((key) => !kept.has(key)).map((key) => images.delete(key).catch((error: unknown) => context.onError(error, 'add product images: clean up'))));
  let product: Product | null;
  try {
    const added: ProductImage[] = [];
    for (const [i, one] of processed.entries()) {
      const image = await store(images, prefix, one, written);
      if (before.images.some((b) => b.key === image.key) || added.some((a) => a.key === image.key)) {
        throw refused(field, labelOf(i) ? `${labelOf(i)}the product already has this picture` : 'The product already has this picture');
      }
      added.push(image);
    }
    product = await context.persistence.products.update(storeId, before.id, { images: [...before.images, ...added] }, nowIso(context));
  } catch (error) {
    await cleanUp();
    throw error;
  }
  if (!product) {
    await cleanUp();
    throw new NotFoundError('Product not found');
  }
  await catalogChanged(context, storeId);
  return product;
}

/** Adds one uploaded photo (see `addProductImages`); answers its URL (the largest JPEG) and the product. */
export async function addProductImage(context: CoreContext, storeId: string, id: string, bytes: Uint8Array): Promise<{ url: string; product: Product }> {
  const product = await addProductImages(context, storeId, id, [bytes]);
  return { url: product.images[product.images.length - 1]?.url ?? '', product };
}
