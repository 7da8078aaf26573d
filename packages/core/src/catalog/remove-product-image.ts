import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { catalogChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import { imageFileKeys } from './image-record.js';
import type { Product } from './product.js';
import type { ProductPatch } from './product-repository.js';
import { requireImageStore } from './require-image-store.js';

/**
 * Removes one image from the product and deletes its files (every size and format; a file
 * another of the product's images still uses stays). Variants that showed it fall back to the
 * cover. The key is the image's `key` or its `url` (what the API lists).
 */
export async function removeProductImage(context: CoreContext, storeId: string, id: string, key: string): Promise<Product> {
  const before = await getProduct(context, storeId, id);
  const gone = before.images.find((image) => image.key === key || image.url === key);
  if (!gone) throw new NotFoundError('Image not found');
  const images = before.images.filter((image) => image !== gone);
  const patch: ProductPatch = { images };
  const at = nowIso(context);
  let product: Product | null;
  if (before.variants.some((v) => v.imageKey === gone.key)) {
    patch.variants = before.variants.map((v) => (v.imageKey === gone.key ? { ...v, imageKey: null } : v));
    // Only pictures change: the stock read above may be older than a sale since.
    patch.keepStockOf = before.variants.map((v) => v.id);
    // A patch with variants is several statements.
    product = await context.persistence.transaction((tx) => tx.products.update(storeId, before.id, patch, at));
  } else {
    product = await context.persistence.products.update(storeId, before.id, patch, at);
  }
  if (!product) throw new NotFoundError('Product not found');
  const stillUsed = new Set(imageFileKeys(images));
  const store = requireImageStore(context);
  await Promise.all(
    imageFileKeys([gone])
      .filter((file) => !stillUsed.has(file))
      .map((file) => store.delete(file).catch((error: unknown) => context.onError(error, 'remove product image: delete file'))),
  );
  await catalogChanged(context, storeId);
  return product;
}
