import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { assertCategory } from './assert-category.js';
import { catalogChanged, stockChanged } from './catalog-events.js';
import type { Product } from './product.js';
import { productCreateSchema } from './schemas.js';

/** Adds a product (active unless told otherwise; stock untracked unless given). */
export async function createProduct(context: CoreContext, storeId: string, input: unknown): Promise<Product> {
  const value = validate(productCreateSchema, input);
  await assertCategory(context, storeId, value.categoryId);
  const at = nowIso(context);
  const product: Product = {
    id: newId(),
    storeId,
    name: value.name,
    description: value.description ?? '',
    price: value.price,
    compareAtPrice: value.compareAtPrice ?? null,
    stock: value.stock ?? null,
    sku: value.sku ?? null,
    categoryId: value.categoryId ?? null,
    active: value.active ?? true,
    position: value.position ?? 0,
    images: [],
    createdAt: at,
    updatedAt: at,
  };
  // Holding the store: a currency change running at the same moment either sees this product or
  // has committed before it (see updateStore).
  await context.persistence.transaction(async (tx) => {
    if (!(await tx.stores.lock(storeId))) throw new NotFoundError('Store not found');
    await tx.products.insert(product);
  });
  await catalogChanged(context, storeId);
  if (product.stock !== null) await stockChanged(context, storeId, [product.id]);
  return product;
}
