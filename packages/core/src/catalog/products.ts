import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { newId } from '../shared/id.js';
import { decodeCursor, type Page } from '../shared/page.js';
import { validate } from '../shared/validate.js';
import type { Product } from './product.js';
import type { ProductPatch } from './product-repository.js';
import { productCreateSchema, productListSchema, productUpdateSchema, stockAdjustmentSchema } from './schemas.js';

async function assertCategory(context: CoreContext, storeId: string, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  if (!(await context.persistence.categories.findById(storeId, categoryId))) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'categoryId', message: 'categoryId is not a category of this store' }]);
  }
}

function catalogChanged(context: CoreContext, storeId: string): Promise<void> {
  return context.events.publish({ type: 'catalog.changed', storeId });
}

/** A page of the store's products, newest first, filtered as asked. */
export async function listProducts(context: CoreContext, storeId: string, input: unknown): Promise<Page<Product>> {
  const query = validate(productListSchema, input ?? {});
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'cursor', message: 'cursor is not one this API gave out' }]);
  }
  return context.persistence.products.list(storeId, { limit: query.limit, after, q: query.q || undefined, categoryId: query.categoryId, active: query.active });
}

/** The store's product; NotFoundError for another store's or an unknown id. */
export async function getProduct(context: CoreContext, storeId: string, id: string): Promise<Product> {
  const product = await context.persistence.products.findById(storeId, id);
  if (!product) throw new NotFoundError('Product not found');
  return product;
}

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
  await context.persistence.products.insert(product);
  await catalogChanged(context, storeId);
  return product;
}

/** Changes a product; the MRP is checked against the resulting price. */
export async function updateProduct(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const patch: ProductPatch = validate(productUpdateSchema, input);
  const before = await getProduct(context, storeId, id);
  const price = patch.price ?? before.price;
  const compareAtPrice = patch.compareAtPrice === undefined ? before.compareAtPrice : patch.compareAtPrice;
  if (compareAtPrice !== null && compareAtPrice <= price && (patch.price !== undefined || patch.compareAtPrice !== undefined)) {
    throw new ValidationFailedError('Some fields are not valid', [
      { path: patch.compareAtPrice === undefined ? 'price' : 'compareAtPrice', message: 'compareAtPrice (MRP) must be more than the price' },
    ]);
  }
  await assertCategory(context, storeId, patch.categoryId);
  const product = await context.persistence.products.update(storeId, id, patch, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await catalogChanged(context, storeId);
  return product;
}

/** Removes a product and its image files; past orders keep their copied lines. */
export async function deleteProduct(context: CoreContext, storeId: string, id: string): Promise<void> {
  const removed = await context.persistence.products.delete(storeId, id);
  if (!removed) throw new NotFoundError('Product not found');
  await Promise.all(removed.images.map((image) => context.images?.delete(image.key)));
  await catalogChanged(context, storeId);
}

/** Adds to (or, negative, takes from) a tracked stock, never below zero. */
export async function adjustStock(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const { delta } = validate(stockAdjustmentSchema, input);
  const before = await getProduct(context, storeId, id);
  if (before.stock === null) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'delta', message: 'this product does not track stock; set stock first' }]);
  }
  const product = await context.persistence.products.adjustStock(storeId, id, delta, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await catalogChanged(context, storeId);
  return product;
}
