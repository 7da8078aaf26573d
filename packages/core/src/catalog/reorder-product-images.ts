import Joi from 'joi';
import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, ValidationFailedError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { catalogChanged } from './catalog-events.js';
import { getProduct } from './get-product.js';
import type { Product, ProductImage } from './product.js';

/** Room for products that kept more pictures from before the limit of 8. */
const maxListed = 50;

const keysSchema = Joi.object<{ keys: string[] }>({
  keys: Joi.array()
    .items(Joi.string().min(1).max(2000).label('Picture'))
    .min(1)
    .max(maxListed)
    .unique()
    .required()
    .label('Pictures')
    .messages({ 'array.unique': 'The same picture is listed twice', 'array.min': 'List at least one picture' }),
});

/**
 * Puts the product's pictures in a new order; the first is the cover (the store's cards, the
 * product page's first picture). `keys` name pictures by `key` or by `url` (what the API lists):
 * the listed ones come first, in that order, and the others follow in their current order, so
 * `[key]` alone makes one picture the cover. A key the product does not have is refused (the
 * list a page sent is out of date).
 */
export async function reorderProductImages(context: CoreContext, storeId: string, productId: string, keys: unknown): Promise<Product> {
  const wanted = validate(keysSchema, { keys }).keys;
  const before = await getProduct(context, storeId, productId);
  const first: ProductImage[] = [];
  for (const key of wanted) {
    const image = before.images.find((i) => i.key === key || i.url === key);
    if (!image) throw new ValidationFailedError('Some fields are not valid', [{ path: 'keys', message: 'One of the pictures is no longer on this product; reload the page and try again' }]);
    if (first.includes(image)) throw new ValidationFailedError('Some fields are not valid', [{ path: 'keys', message: 'The same picture is listed twice' }]);
    first.push(image);
  }
  const images = [...first, ...before.images.filter((image) => !first.includes(image))];
  if (images.every((image, i) => image === before.images[i])) return before;
  const product = await context.persistence.products.update(storeId, before.id, { images }, nowIso(context));
  if (!product) throw new NotFoundError('Product not found');
  await catalogChanged(context, storeId);
  return product;
}
