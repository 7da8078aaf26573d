import Joi from 'joi';
import { uuidShape } from './slugify.js';
import { cursorField, idField, maxStock, moneyField, pageLimitField, stockField, textField } from '../shared/fields.js';
import { hsnCodeField, taxRateField } from '../shared/tax-fields.js';

export interface CategoryInput {
  name: string;
  position?: number;
}

/** One option of a product, e.g. `{ name: 'Weight', values: ['250 g', '500 g'] }`. */
export interface ProductOptionInput {
  name: string;
  values: string[];
}

/** One variant; `id` names an existing variant to keep (update), without it a new one is made. */
export interface VariantInput {
  id?: string;
  options: Record<string, string>;
  price: number;
  compareAtPrice?: number | null;
  stock?: number | null;
  sku?: string | null;
  active?: boolean;
  /** The URL (as the API lists it in `images`) of one of the product's images; null: the cover. */
  image?: string | null;
}

/**
 * A product as clients send it. Without `options`, the top-level price, MRP, stock and SKU are
 * the default variant's. With `options`, `variants` lists every combination sold and the
 * top-level price, MRP, stock and SKU must be left out.
 */
export interface ProductInput {
  name: string;
  /** The readable link part; made from the name when left out. */
  slug?: string;
  description?: string;
  price?: number;
  compareAtPrice?: number | null;
  stock?: number | null;
  sku?: string | null;
  categoryId?: string | null;
  /** GST rate, percent (one of `gstRates`); null: the store's default. */
  taxRate?: number | null;
  /** HSN code, 4, 6 or 8 digits; null or '': none. */
  hsnCode?: string | null;
  active?: boolean;
  position?: number;
  options?: ProductOptionInput[];
  variants?: VariantInput[];
}

export interface ProductListInput {
  limit: number;
  cursor?: string;
  q?: string;
  categoryId?: string;
  active?: boolean;
}

export interface StockAdjustmentInput {
  delta: number;
  /** Required for a product with options; the default variant otherwise. */
  variantId?: string;
}

const position = Joi.number().strict().integer().min(0).max(1_000_000).label('Position');
const categoryName = textField.trim().min(1).max(60).label('Name');

export const categoryCreateSchema = Joi.object<CategoryInput>({
  name: categoryName.required(),
  position,
});

export const categoryUpdateSchema = Joi.object<Partial<CategoryInput>>({
  name: categoryName,
  position,
})
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

/** The most options a product has (Shopify's and Dukaan's limit), values per option, and variants. */
export const maxOptions = 3;
export const maxOptionValues = 30;
export const maxVariants = 100;

const mrpMessages = { 'number.greater': '{#label} must be more than the price' };
const skuField = textField.trim().min(1).max(64).pattern(/^[\w.\-/]+$/, 'sku').allow(null).label('SKU').messages({
  'string.pattern.name': '{#label} may use letters, digits, and . _ - /',
});
const optionText = textField.trim().min(1).max(40);

/** Lowercase letters and digits of any script, in runs joined by single hyphens; 1-80 characters. */
export const productSlugPattern = /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u;

const productSlugField = textField
  .trim()
  .lowercase()
  .min(1)
  .max(80)
  .pattern(productSlugPattern, 'product link')
  .pattern(uuidShape, { name: 'id', invert: true })
  .label('Link')
  .messages({
    'string.pattern.name': '{#label} may use only letters, digits and single hyphens between them',
    'string.pattern.invert.name': '{#label} must not look like a product id; add a word',
  });

const optionSchema = Joi.object<ProductOptionInput>({
  name: optionText.label('Option name').required(),
  values: Joi.array()
    .items(optionText.label('Option value'))
    .min(1)
    .max(maxOptionValues)
    .unique((a: string, b: string) => a.toLowerCase() === b.toLowerCase())
    .label('Option values')
    .required()
    .messages({ 'array.unique': '{#label} must not repeat a value', 'array.min': 'Give the option at least one value' }),
});

const variantSchema = Joi.object<VariantInput>({
  id: idField.label('Variant'),
  options: Joi.object().pattern(optionText, optionText.label('Option value')).max(maxOptions).label('Variant options').required(),
  price: moneyField.label('Price').required(),
  compareAtPrice: moneyField.allow(null).greater(Joi.ref('price')).label('MRP').messages(mrpMessages),
  stock: stockField.allow(null).label('Stock'),
  sku: skuField,
  active: Joi.boolean().strict().label('Available'),
  image: textField.max(2000).allow(null).label('Picture'),
});

const productFields = {
  name: textField.trim().min(1).max(120).label('Name'),
  slug: productSlugField,
  description: textField.trim().max(5000).allow('').label('Description'),
  price: moneyField.label('Price'),
  // The MRP must be above the price when both are given; otherwise there is no discount to show.
  compareAtPrice: moneyField
    .allow(null)
    .when('price', { is: Joi.exist(), then: Joi.number().greater(Joi.ref('price')) })
    .label('MRP')
    .messages(mrpMessages),
  stock: stockField.allow(null).label('Stock'),
  sku: skuField,
  categoryId: idField.allow(null).label('Category'),
  taxRate: taxRateField.allow(null),
  hsnCode: hsnCodeField.allow(null, ''),
  active: Joi.boolean().strict().label('Visible in the store'),
  position,
  options: Joi.array()
    .items(optionSchema)
    .max(maxOptions)
    .unique((a: ProductOptionInput, b: ProductOptionInput) => a.name.toLowerCase() === b.name.toLowerCase())
    .label('Options')
    .messages({ 'array.unique': 'Two options have the same name', 'array.max': 'A product may have at most {#limit} options' }),
  variants: Joi.array()
    .items(variantSchema)
    .min(1)
    .max(maxVariants)
    .unique((a: VariantInput, b: VariantInput) => a.id !== undefined && a.id === b.id)
    .label('Variants')
    .messages({ 'array.max': 'A product may have at most {#limit} variants', 'array.unique': 'A variant is listed twice (the same id)' }),
};

const withOptions = Joi.array().min(1).required();

export const productCreateSchema = Joi.object<ProductInput>({
  ...productFields,
  name: productFields.name.required(),
  // A product without options needs its price; with options, each variant carries its own.
  price: productFields.price.when('options', {
    is: withOptions,
    then: Joi.forbidden().messages({ 'any.unknown': 'This product has options: set the price on each variant' }),
    otherwise: Joi.required(),
  }),
  variants: productFields.variants.when('options', {
    is: withOptions,
    then: Joi.required().messages({ 'any.required': 'List the variants to sell for these options' }),
    otherwise: Joi.forbidden().messages({ 'any.unknown': 'Variants need options: add an option such as Size or Weight first' }),
  }),
});

export const productUpdateSchema = Joi.object<Partial<ProductInput>>(productFields)
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

export const productListSchema = Joi.object<ProductListInput>({
  limit: pageLimitField,
  cursor: cursorField,
  q: textField.trim().max(100).allow('').label('Search'),
  categoryId: idField.label('Category'),
  active: Joi.boolean().label('Visible in the store'),
});

/** A change to a tracked stock; the result is checked against the column by adjustStock. */
export const stockAdjustmentSchema = Joi.object<StockAdjustmentInput>({
  delta: Joi.number().strict().integer().min(-maxStock).max(maxStock).invalid(0).label('Stock change').required(),
  variantId: idField.label('Variant'),
});
