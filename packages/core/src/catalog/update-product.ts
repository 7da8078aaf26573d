import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { assertCategory } from './assert-category.js';
import { catalogChanged, stockChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import type { Product } from './product.js';
import type { ProductPatch } from './product-repository.js';
import { productUpdateSchema } from './schemas.js';

/** The MRP, when there is one, must stay above the price the patch leaves. */
function assertDiscount(patch: ProductPatch, before: Product): void {
  const price = patch.price ?? before.price;
  const compareAtPrice = patch.compareAtPrice === undefined ? before.compareAtPrice : patch.compareAtPrice;
  if (compareAtPrice !== null && compareAtPrice <= price && (patch.price !== undefined || patch.compareAtPrice !== undefined)) {
    const path = patch.compareAtPrice === undefined ? 'price' : 'compareAtPrice';
    throw new ValidationFailedError('Some fields are not valid', [{ path, message: 'MRP must be more than the price' }]);
  }
}

/**
 * Changes a product. A change to anything shown but the stock invalidates the catalogue; a
 * change to the stock is announced as such, so the shown count follows at once.
 */
export async function updateProduct(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const patch: ProductPatch = validate(productUpdateSchema, input);
  const before = await getProduct(context, storeId, id);
  assertDiscount(patch, before);
  await assertCategory(context, storeId, patch.categoryId);
  const product = await context.persistence.products.update(storeId, id, patch, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  const { stock, ...rest } = patch;
  if (Object.keys(rest).length > 0) await catalogChanged(context, storeId);
  if (stock !== undefined && stock !== before.stock) await stockChanged(context, storeId, [id]);
  return product;
}
