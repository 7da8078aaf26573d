import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { maxStock } from '../shared/fields.js';
import { validate } from '../shared/validate.js';
import { stockChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import type { Product } from './product.js';
import { stockAdjustmentSchema } from './schemas.js';
import { findVariant } from './variant-summary.js';

const refuse = (path: string, message: string) => new ValidationFailedError('Some fields are not valid', [{ path, message }]);

/**
 * Adds to (or, negative, takes from) a variant's tracked stock, never below zero nor past what
 * the column holds. A product without options needs no variant id (its default variant).
 */
export async function adjustStock(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const { delta, variantId } = validate(stockAdjustmentSchema, input);
  const before = await getProduct(context, storeId, id);
  const variant = findVariant(before, variantId);
  if (!variant) {
    throw variantId === undefined ? refuse('variantId', 'This product has options: say which variant (variantId)') : new NotFoundError('Variant not found');
  }
  if (variant.stock === null) throw refuse('delta', 'This variant does not track stock; set stock first');
  if (variant.stock + delta > maxStock) throw refuse('delta', `Stock may be at most ${maxStock}`);
  const product = await context.persistence.products.adjustStock(storeId, id, variant.id, delta, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await stockChanged(context, storeId, [id]);
  return product;
}
