import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { assertCategory } from './assert-category.js';
import { catalogChanged, stockChanged } from './catalog-events.js';
import { chooseSlug } from './choose-slug.js';
import type { Product } from './product.js';
import type { ProductPatch } from './product-repository.js';
import { productUpdateSchema } from './schemas.js';
import { planVariants } from './variant-rules.js';

function stockOf(product: Product): string {
  return JSON.stringify(product.variants.map((v) => [v.id, v.stock]));
}

/**
 * Changes a product. A rename gives it a new slug (unless one is sent), and its earlier slugs
 * keep leading to it. A change to anything shown but the stock invalidates the catalogue; a
 * change to the stock is announced as such, so the shown count follows at once.
 */
export async function updateProduct(context: CoreContext, storeId: string, id: string, input: unknown): Promise<Product> {
  const value = validate(productUpdateSchema, input);
  await assertCategory(context, storeId, value.categoryId);
  const { persistence } = context;
  const at = nowIso(context);
  const { before, after } = await persistence.transaction(async (tx) => {
    const current = await tx.products.findById(storeId, id);
    if (!current) throw new NotFoundError('Product not found');
    const plan = planVariants(value, id, current);
    const { price: _p, compareAtPrice: _c, stock: _s, sku: _k, options: _o, variants: _v, ...fields } = value;
    const { hsnCode, ...rest } = fields;
    const patch: ProductPatch = { ...rest, ...(hsnCode === undefined ? {} : { hsnCode: hsnCode || null }), ...(plan ?? {}) };
    if (value.slug === undefined && value.name !== undefined && value.name !== current.name) {
      patch.slug = await chooseSlug(tx.products, storeId, value.name, id);
    }
    const updated = await tx.products.update(storeId, id, patch, at);
    if (!updated) throw new NotFoundError('Product not found');
    return { before: current, after: updated };
  });
  const { stock: _stock, ...shown } = value;
  if (Object.keys(shown).length > 0) await catalogChanged(context, storeId);
  if (stockOf(before) !== stockOf(after)) await stockChanged(context, storeId, [id]);
  return after;
}
