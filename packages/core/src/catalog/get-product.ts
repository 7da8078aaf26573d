import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Product } from './product.js';

/** The store's product; NotFoundError for another store's or an unknown id. */
export async function getProduct(context: CoreContext, storeId: string, id: string): Promise<Product> {
  const product = await context.persistence.products.findById(storeId, id);
  if (!product) throw new NotFoundError('Product not found');
  return product;
}
