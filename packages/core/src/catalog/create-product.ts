import { nowIso, type CoreContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { assertCategory } from './assert-category.js';
import { catalogChanged, stockChanged } from './catalog-events.js';
import { chooseSlug } from './choose-slug.js';
import type { Product } from './product.js';
import { productCreateSchema, type ProductInput } from './schemas.js';
import { summarizeVariants } from './variant-summary.js';
import { planVariants } from './variant-rules.js';

const slugTaken = (error: unknown) => error instanceof ConflictError && error.details.some((d) => d.path === 'slug');

/** The product a validated input describes (its slug still to be chosen). */
export function newProduct(storeId: string, value: ProductInput, at: string): Product {
  const id = newId();
  const plan = planVariants(value, id, null);
  const options = plan?.options ?? [];
  const variants = plan?.variants ?? [];
  return {
    id,
    storeId,
    name: value.name,
    slug: value.slug ?? '',
    description: value.description ?? '',
    options,
    variants,
    ...summarizeVariants(options, variants),
    categoryId: value.categoryId ?? null,
    taxRate: value.taxRate ?? null,
    hsnCode: value.hsnCode || null,
    active: value.active ?? true,
    position: value.position ?? 0,
    images: [],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Adds a product (active unless told otherwise; stock untracked unless given), with its
 * variants and a slug made from its name unless one is given.
 */
export async function createProduct(context: CoreContext, storeId: string, input: unknown): Promise<Product> {
  const value = validate(productCreateSchema, input);
  await assertCategory(context, storeId, value.categoryId);
  const product = newProduct(storeId, value, nowIso(context));
  const write = () =>
    // Holding the store: a currency change running at the same moment either sees this product or
    // has committed before it (see updateStore).
    context.persistence.transaction(async (tx) => {
      if (!(await tx.stores.lock(storeId))) throw new NotFoundError('Store not found');
      if (value.slug === undefined) product.slug = await chooseSlug(tx.products, storeId, product.name, null);
      await tx.products.insert(product);
    });
  try {
    await write();
  } catch (error) {
    // Another product took the chosen slug between the look-up and the insert: choose again, once.
    if (value.slug !== undefined || !slugTaken(error)) throw error;
    await write();
  }
  await catalogChanged(context, storeId);
  if (product.variants.some((v) => v.stock !== null)) await stockChanged(context, storeId, [product.id]);
  return product;
}
