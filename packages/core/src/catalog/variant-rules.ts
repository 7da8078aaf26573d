import { ValidationFailedError, type FieldError } from '../errors.js';
import { newId } from '../shared/id.js';
import type { Product, ProductImage, ProductOption, ProductVariant, VariantOptions } from './product.js';
import type { ProductInput, VariantInput } from './schemas.js';

/** The options and variants a product input leaves the product with. */
export interface VariantPlan {
  options: ProductOption[];
  variants: ProductVariant[];
  /** Kept variants whose stock the input did not set: the write leaves it as stored. */
  keepStockOf: string[];
}

const fail = (errors: FieldError[]) => new ValidationFailedError('Some fields are not valid', errors);
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const simpleFields = ['price', 'compareAtPrice', 'stock', 'sku'] as const;

/**
 * A variant's option values, spelt as the options spell them (matched case-insensitively), in
 * the options' order; or the problems: a missing, unknown or extra option, a value not offered.
 */
function matchOptions(given: VariantOptions, options: ProductOption[], path: string, errors: FieldError[]): VariantOptions {
  const result: VariantOptions = {};
  for (const option of options) {
    const entry = Object.entries(given).find(([name]) => sameText(name, option.name));
    const value = entry ? option.values.find((v) => sameText(v, entry[1])) : undefined;
    if (!entry) errors.push({ path, message: `Choose a value for ${option.name}` });
    else if (value === undefined) errors.push({ path, message: `${option.name} has no value "${entry[1]}"; add it to the option first` });
    else result[option.name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!options.some((o) => sameText(o.name, name))) errors.push({ path, message: `The product has no option "${name}"` });
  }
  return result;
}

/** The image key an input names by URL (as the API lists images) or key; null for none. */
function imageKeyOf(image: string | null | undefined, images: ProductImage[], path: string, errors: FieldError[]): string | null {
  if (image === undefined || image === null || image === '') return null;
  const found = images.find((i) => i.url === image || i.key === image);
  if (!found) errors.push({ path, message: 'The picture must be one of the product\'s images' });
  return found?.key ?? null;
}

function optionVariants(inputs: VariantInput[], options: ProductOption[], before: Product | null): { variants: ProductVariant[]; keepStockOf: string[] } {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const skus = new Map<string, number>();
  const keepStockOf: string[] = [];
  const known = new Map((before?.variants ?? []).map((v) => [v.id, v]));
  const variants = inputs.map((input, index): ProductVariant => {
    const path = `variants.${index}`;
    const chosen = matchOptions(input.options, options, `${path}.options`, errors);
    const combination = JSON.stringify(options.map((o) => chosen[o.name] ?? ''));
    const twin = seen.get(combination);
    if (twin !== undefined) errors.push({ path: `${path}.options`, message: `Variants ${twin + 1} and ${index + 1} are the same combination` });
    seen.set(combination, index);
    if (input.id !== undefined && !known.has(input.id)) errors.push({ path: `${path}.id`, message: 'This product has no such variant' });
    const earlier = input.id === undefined ? undefined : known.get(input.id);
    const sku = input.sku === undefined ? (earlier?.sku ?? null) : input.sku;
    const skuTwin = sku === null ? undefined : skus.get(sku.toLowerCase());
    if (skuTwin !== undefined) errors.push({ path: `${path}.sku`, message: `Variants ${skuTwin + 1} and ${index + 1} have the same SKU` });
    if (sku !== null) skus.set(sku.toLowerCase(), index);
    if (earlier && input.stock === undefined) keepStockOf.push(earlier.id);
    return {
      id: earlier?.id ?? newId(),
      options: chosen,
      price: input.price,
      compareAtPrice: input.compareAtPrice ?? null,
      stock: input.stock === undefined ? (earlier?.stock ?? null) : input.stock,
      sku,
      active: input.active ?? earlier?.active ?? true,
      imageKey: imageKeyOf(input.image, before?.images ?? [], `${path}.image`, errors),
      position: index,
    };
  });
  if (errors.length > 0) throw fail(errors);
  return { variants, keepStockOf };
}

/**
 * The stock a product that had options keeps when they go: what its switched-on variants held
 * together (null when any of them did not count stock), rather than silently unlimited.
 */
function pooledStock(variants: ProductVariant[]): number | null {
  const on = variants.filter((v) => v.active);
  return on.length === 0 || on.some((v) => v.stock === null) ? null : on.reduce((sum, v) => sum + (v.stock ?? 0), 0);
}

/** The one variant of a product without options, from the input over what it had. */
function defaultVariant(input: Partial<ProductInput>, productId: string, before: Product | null): { variant: ProductVariant; keepStock: boolean } {
  const earlier = before && before.options.length === 0 ? before.variants[0] : undefined;
  const price = input.price ?? earlier?.price;
  if (price === undefined) throw fail([{ path: 'price', message: 'Price is required' }]);
  const compareAtPrice = input.compareAtPrice === undefined ? (earlier?.compareAtPrice ?? null) : input.compareAtPrice;
  if (compareAtPrice !== null && compareAtPrice <= price) {
    const path = input.compareAtPrice === undefined ? 'price' : 'compareAtPrice';
    throw fail([{ path, message: 'MRP must be more than the price' }]);
  }
  // A product that had options and loses them gets its own id back as the default variant's.
  const id = earlier?.id ?? (before?.variants.some((v) => v.id === productId) ? newId() : productId);
  const carried = before && !earlier ? pooledStock(before.variants) : (earlier?.stock ?? null);
  const variant = {
    id,
    options: {},
    price,
    compareAtPrice,
    stock: input.stock === undefined ? carried : input.stock,
    sku: input.sku === undefined ? (earlier?.sku ?? null) : input.sku,
    active: true,
    imageKey: null,
    position: 0,
  };
  return { variant, keepStock: earlier !== undefined && input.stock === undefined };
}

function sameOptions(a: ProductOption[], b: ProductOption[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a create (`before` null) or an update leaves the product's options and variants as, or
 * null when the update does not touch them. Without options the top-level price, MRP, stock
 * and SKU are the default variant's; with options they belong on each variant, and a change of
 * the options must come with the whole new variant list.
 */
export function planVariants(input: Partial<ProductInput>, productId: string, before: Product | null): VariantPlan | null {
  const touchesSimple = simpleFields.some((field) => input[field] !== undefined);
  if (before && input.options === undefined && input.variants === undefined && !touchesSimple) return null;
  const options = (input.options ?? before?.options ?? []).map(({ name, values }) => ({ name, values }));
  if (options.length === 0) {
    if (input.variants !== undefined) throw fail([{ path: 'variants', message: 'Variants need options: add an option such as Size or Weight first' }]);
    const { variant, keepStock } = defaultVariant(input, productId, before);
    return { options, variants: [variant], keepStockOf: keepStock ? [variant.id] : [] };
  }
  const misplaced = simpleFields.filter((field) => input[field] !== undefined);
  if (misplaced.length > 0) {
    throw fail(misplaced.map((field) => ({ path: field, message: 'This product has options: set the price, MRP, stock and SKU on each variant' })));
  }
  const inputs = input.variants;
  if (inputs === undefined) {
    if (before && sameOptions(before.options, options)) return null;
    throw fail([{ path: 'variants', message: 'List the variants to sell for these options' }]);
  }
  return { options, ...optionVariants(inputs, options, before) };
}
