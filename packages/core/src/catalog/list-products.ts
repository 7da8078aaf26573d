import type { CoreContext } from '../context.js';
import { afterCursor, type Page } from '../shared/page.js';
import { validate } from '../shared/validate.js';
import type { Product } from './product.js';
import { productListSchema } from './schemas.js';

/** A page of the store's products, newest first, filtered as asked. */
export async function listProducts(context: CoreContext, storeId: string, input: unknown): Promise<Page<Product>> {
  const query = validate(productListSchema, input ?? {});
  const after = afterCursor(query.cursor);
  return context.persistence.products.list(storeId, { limit: query.limit, after, q: query.q || undefined, categoryId: query.categoryId, active: query.active });
}
