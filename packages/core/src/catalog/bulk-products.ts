import { nowIso, type CoreContext } from '../context.js';
import { validate } from '../shared/validate.js';
import { assertCategory } from './assert-category.js';
import { bulkProductsSchema, type BulkProductsInput, type BulkProductsResult } from './bulk-schemas.js';
import { catalogChanged, stockChanged } from './catalog-events.js';
import type { Product } from './product.js';

/** Every file an image holds in the ImageStore; older images list none and are their own file. */
function filesOf(product: Product): string[] {
  return product.images.flatMap((image) => (image.fileKeys && image.fileKeys.length > 0 ? image.fileKeys : [image.key]));
}

/**
 * Deletes the store's listed products in one transaction (all or none), then their image files.
 * A file that fails to go is reported, not thrown: the products are gone and a stray file is
 * harmless, while failing here would tell the vendor the delete did not happen.
 */
async function deleteAll(context: CoreContext, storeId: string, ids: string[]): Promise<number> {
  const removed = await context.persistence.transaction(async (tx) => {
    const gone: Product[] = [];
    for (const id of ids) {
      const product = await tx.products.delete(storeId, id);
      if (product) gone.push(product);
    }
    return gone;
  });
  const images = context.images;
  if (images) {
    await Promise.all(
      removed.flatMap(filesOf).map((key) => images.delete(key).catch((error: unknown) => context.onError(error, 'bulk delete: image file'))),
    );
  }
  return removed.length;
}

/**
 * One change to many products of the store at once: show, hide, set the stock of every variant,
 * move to a category, or delete. Ids of other stores' (or already deleted) products are skipped,
 * so the count says how many were changed.
 */
export async function bulkProducts(context: CoreContext, storeId: string, input: unknown): Promise<BulkProductsResult> {
  const value = validate(bulkProductsSchema, input) as BulkProductsInput;
  const { action, ids } = value;
  const products = context.persistence.products;
  const at = nowIso(context);
  let count: number;
  switch (action) {
    case 'show':
    case 'hide':
      count = await products.bulkUpdate(storeId, ids, { active: action === 'show' }, at);
      if (count > 0) await catalogChanged(context, storeId);
      break;
    case 'move-category': {
      const categoryId = value.categoryId ?? null;
      await assertCategory(context, storeId, categoryId);
      count = await products.bulkUpdate(storeId, ids, { categoryId }, at);
      if (count > 0) await catalogChanged(context, storeId);
      break;
    }
    case 'set-stock':
      count = await products.bulkSetStock(storeId, ids, value.stock ?? null, at);
      // Whether stock is counted shows on the page as much as the count does.
      if (count > 0) await stockChanged(context, storeId, ids);
      break;
    case 'delete':
      count = await deleteAll(context, storeId, ids);
      if (count > 0) await catalogChanged(context, storeId);
      break;
  }
  return { action, count };
}
