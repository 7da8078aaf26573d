import type Joi from 'joi';
import { parseMoney, type FieldErrors, type ProductFormValues } from '@dukaan-kit/storefront-ui';
import { uploadFormErrors } from './dashboard-forms.js';
import { file, formValues, optionalInteger } from './forms.js';

/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const productPlaceholders: Record<string, unknown> = { price: 0, compareAtPrice: null, stock: null, file: undefined };

/** What the product form sent, as text for re-rendering. */
function productValues(payload: unknown): ProductFormValues {
  return formValues(payload, ['name', 'description', 'price', 'compareAtPrice', 'stock', 'sku', 'categoryId'] as const, ['active'] as const);
}

/** The product form as the core's input, or the fields the plugin itself can already refuse. */
function productInput(values: ProductFormValues, currency: string): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const price = parseMoney(values.price, currency);
  if (price === null) errors['price'] = values.price.trim() ? 'Enter the price as a number, like 499 or 499.50' : 'Enter a price';
  const mrp = values.compareAtPrice.trim() === '' ? null : parseMoney(values.compareAtPrice, currency);
  if (mrp === null && values.compareAtPrice.trim() !== '') errors['compareAtPrice'] = 'Enter the MRP as a number, like 599, or leave it empty';
  const stock = optionalInteger(values.stock);
  if (stock === undefined) errors['stock'] = 'Enter the stock as a whole number, or leave it empty';
  const input = {
    name: values.name,
    description: values.description,
    price,
    compareAtPrice: mrp,
    stock: stock ?? null,
    sku: values.sku.trim() === '' ? null : values.sku,
    categoryId: values.categoryId === '' ? null : values.categoryId,
    active: values.active,
  };
  return { input, errors };
}

/** The product form, read once for both create and update. */
export interface ProductForm {
  /** As text, for re-rendering. */
  values: ProductFormValues;
  /** The core's input. */
  input: Record<string, unknown>;
  /** The chosen picture, or null. */
  image: Buffer | null;
  /** Empty when the core may be asked; else every bad field at once. */
  errors: FieldErrors;
}

/** Reads the product form: its values, the money in the store's currency, the picture check, the schema's errors. */
export function readProductForm(payload: unknown, currency: string, schema: Joi.Schema): ProductForm {
  const values = productValues(payload);
  const { input, errors: refused } = productInput(values, currency);
  const image = file(payload, 'file');
  const errors = uploadFormErrors({ schema, input, refused, image, imageField: 'file', placeholders: productPlaceholders });
  return { values, input, image, errors };
}
