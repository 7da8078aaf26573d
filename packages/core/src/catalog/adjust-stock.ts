import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { maxStock } from '../shared/fields.js';
import { validate } from '../shared/validate.js';
import { stockChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import type { Product } from './product.js';
import { stockAdjustmentSchema } from './schemas.js';

const refuse = (message: string) => new ValidationFailedError('Some fields are not valid', [{ path: 'delta', message }]);

/** Adds to (or, negative, takes from) a tracked stock, never below zero nor past what the column holds. */
export async function adjustStock(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const { delta } = validate(stockAdjustmentSchema, input);
  const before = await getProduct(context, storeId, id);
  if (before.stock === null) throw refuse('This product does not track stock; set stock first');
  if (before.stock + delta > maxStock) throw refuse(`Stock may be at most ${maxStock}`);
  const product = await context.persistence.products.adjustStock(storeId, id, delta, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await stockChanged(context, storeId, [id]);
  return product;
}
