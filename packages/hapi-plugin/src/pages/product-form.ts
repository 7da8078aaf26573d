import type Joi from 'joi';
import { checkImage, maxImagesPerProduct, type Product } from '@dukaan-kit/core';
import { parseMoney, type FieldErrors, type KeptImage, type OptionFormValues, type ProductFormValues, type VariantFormValues } from '@dukaan-kit/storefront-ui';
import { formProblem, uploadFormErrors } from './dashboard-forms.js';
import { checked, field, fields, formValues, optionalInteger } from './forms.js';
import { combinationCount, compactOptions, makeRows, maxOptionRows, maxVariantRows, rowsMatchOptions, simpleFromRows, typedOptions, type TypedOption } from './variant-rows.js';

// The plugin's own messages are keys of storefront-ui's catalogue (messages/catalog.ts): the page
// shows them in the vendor's language, beside their field.
const say = {
  priceEmpty: 'catalog.error.priceEmpty',
  priceNumber: 'catalog.error.priceNumber',
  mrpNumber: 'catalog.error.mrpNumber',
  mrpBelowPrice: 'catalog.error.mrpBelowPrice',
  stockNumber: 'catalog.error.stockNumber',
  keptGone: 'catalog.error.keptGone',
  gstRate: 'catalog.error.gstRate',
  optionName: 'catalog.error.optionName',
  optionValues: 'catalog.error.optionValues',
  variantsFollow: 'catalog.error.variantsFollow',
  noOptions: 'catalog.notice.noOptions',
  variantsMade: 'catalog.notice.variantsMade',
} as const;

/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const productPlaceholders: Record<string, unknown> = { price: 0, compareAtPrice: null, stock: null, taxRate: null };

type Payload = Record<string, unknown>;

function payloadOf(payload: unknown): Payload {
  return payload && typeof payload === 'object' && !Buffer.isBuffer(payload) ? (payload as Payload) : {};
}

/** Every non-empty file of a (possibly repeated) multipart field; see forms.ts `file` for non-Buffer parts. */
function filesOf(payload: unknown, name: string): Buffer[] {
  const value = payloadOf(payload)[name];
  const parts = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: Buffer[] = [];
  for (const part of parts) {
    if (Buffer.isBuffer(part)) {
      if (part.length > 0) out.push(part);
    } else if (typeof part === 'string') {
      if (part.length > 0) out.push(Buffer.from(part));
    } else if (part && typeof part === 'object' && Object.keys(part).length > 0) {
      out.push(Buffer.from(JSON.stringify(part)));
    }
  }
  return out;
}

/**
 * How many bytes of pictures a failed post may carry back into the form. Base64 makes them a third
 * larger, and the next post must still fit the photos form's limit with new files beside them.
 */
export const keptBudgetBytes = 15 * 1024 * 1024;

/** The pictures a re-rendered form posted back (`keptImages`, base64), in order. */
function keptOf(payload: unknown): Buffer[] {
  return fields(payload, 'keptImages')
    .map((text) => Buffer.from(text, 'base64'))
    .filter((bytes) => bytes.length > 0);
}

/**
 * The chosen pictures to carry into the re-rendered form after a failed post, so the vendor does
 * not choose them again: each one core's check accepts, while they fit `keptBudgetBytes`.
 * `dropped` says some usable ones did not fit (they must be chosen again).
 */
export function keepImages(images: Buffer[]): { kept: KeptImage[]; dropped: boolean } {
  const kept: KeptImage[] = [];
  let total = 0;
  let dropped = false;
  for (const bytes of images) {
    try {
      checkImage(bytes, 'images');
    } catch {
      continue; // its error is already beside the field
    }
    if (total + bytes.length > keptBudgetBytes) {
      dropped = true;
      continue;
    }
    total += bytes.length;
    kept.push({ data: bytes.toString('base64'), bytes: bytes.length });
  }
  return { kept, dropped };
}

/** The pictures of a failed post as the form's props: the kept ones, and an error beside the field for any that did not fit. */
export function keptProps(images: Buffer[], errors: FieldErrors): { keptImages: KeptImage[]; errors: FieldErrors } {
  const { kept, dropped } = keepImages(images);
  return { keptImages: kept, errors: dropped && !errors['images'] ? { ...errors, images: say.keptGone } : errors };
}

/** The option rows as typed (always three, empty ones included). */
function optionRows(payload: unknown): OptionFormValues[] {
  return Array.from({ length: maxOptionRows }, (_, i) => ({ name: field(payload, `options.${i}.name`), values: field(payload, `options.${i}.values`) }));
}

/** The variant rows as posted: as many as the form had (each has a price box), at most core's limit. */
function variantRowsOf(payload: unknown): VariantFormValues[] {
  const body = payloadOf(payload);
  const rows: VariantFormValues[] = [];
  for (let i = 0; i < maxVariantRows && `variants.${i}.price` in body; i++) {
    const at = (name: string) => field(payload, `variants.${i}.${name}`);
    const options: string[] = [];
    for (let j = 0; j < maxOptionRows && `variants.${i}.option${j}` in body; j++) options.push(at(`option${j}`));
    rows.push({
      id: at('id'),
      options,
      price: at('price'),
      compareAtPrice: at('compareAtPrice'),
      stock: at('stock'),
      sku: at('sku'),
      active: checked(payload, `variants.${i}.active`),
      image: at('image'),
    });
  }
  return rows;
}

/** What the product form sent, as text for re-rendering. */
function productValues(payload: unknown): ProductFormValues {
  const simple = formValues(payload, ['name', 'description', 'price', 'compareAtPrice', 'stock', 'sku', 'categoryId', 'taxRate', 'hsnCode'] as const, ['active'] as const);
  return { ...simple, options: compactOptions(optionRows(payload)), variants: variantRowsOf(payload) };
}

/**
 * The GST rate (null: the store's default) and HSN code, only when the form had them: a store in
 * another currency shows neither, and must not clear what the API set.
 */
function taxInput(payload: unknown, values: ProductFormValues, errors: FieldErrors): Record<string, unknown> {
  if (field(payload, 'taxFields') === '') return {};
  const rate = values.taxRate.trim() === '' ? null : Number(values.taxRate);
  if (rate !== null && !Number.isFinite(rate)) errors['taxRate'] = say.gstRate;
  const hsn = values.hsnCode.trim();
  return { taxRate: rate !== null && Number.isFinite(rate) ? rate : null, hsnCode: hsn === '' ? null : hsn };
}


/** Money as typed: minor units, null for an empty optional field, or an error message. */
function money(text: string, currency: string, which: 'price' | 'mrp'): { value: number | null } | { error: string } {
  if (text.trim() === '') return which === 'price' ? { error: say.priceEmpty } : { value: null };
  const value = parseMoney(text, currency);
  return value === null ? { error: which === 'price' ? say.priceNumber : say.mrpNumber } : { value };
}

/**
 * A price and MRP as typed, each refused here when it cannot be read, and the MRP when it is not
 * above the price (core's schema refuses that too; said here so it comes with the other errors,
 * beside the MRP).
 */
function priceAndMrp(priceText: string, mrpText: string, currency: string) {
  const price = money(priceText, currency, 'price');
  const mrp = money(mrpText, currency, 'mrp');
  const low = 'value' in price && 'value' in mrp && price.value !== null && mrp.value !== null && mrp.value <= price.value;
  return { price, mrp: low ? { error: say.mrpBelowPrice } : mrp };
}

/** The top-level fields of a product sold one way, or the errors the plugin can tell already. */
function simpleInput(values: ProductFormValues, currency: string, errors: FieldErrors): Record<string, unknown> {
  const { price, mrp } = priceAndMrp(values.price, values.compareAtPrice, currency);
  const stock = optionalInteger(values.stock);
  if ('error' in price) errors['price'] = price.error;
  if ('error' in mrp) errors['compareAtPrice'] = mrp.error;
  if (stock === undefined) errors['stock'] = say.stockNumber;
  return {
    price: 'value' in price ? price.value : null,
    compareAtPrice: 'value' in mrp ? mrp.value : null,
    stock: stock ?? null,
    sku: values.sku.trim() === '' ? null : values.sku,
  };
}

/** The variants as the core takes them; bad money or stock is refused here, per row. */
function variantInputs(rows: VariantFormValues[], options: TypedOption[], product: Product | null, currency: string, errors: FieldErrors): Array<Record<string, unknown>> {
  const ownIds = new Set(product?.variants.map((v) => v.id) ?? []);
  const imageUrls = new Map(product?.images.map((image) => [image.key, image.url]) ?? []);
  return rows.map((row, i) => {
    const { price, mrp } = priceAndMrp(row.price, row.compareAtPrice, currency);
    const stock = optionalInteger(row.stock);
    if ('error' in price) errors[`variants.${i}.price`] = price.error;
    if ('error' in mrp) errors[`variants.${i}.compareAtPrice`] = mrp.error;
    if (stock === undefined) errors[`variants.${i}.stock`] = say.stockNumber;
    return {
      // Only ids of this product's variants are kept; anything else posted makes a new variant.
      ...(ownIds.has(row.id) ? { id: row.id } : {}),
      options: Object.fromEntries(options.map((o, j) => [o.name, row.options[j] ?? ''])),
      price: 'value' in price ? price.value : 0,
      compareAtPrice: 'value' in mrp ? mrp.value : null,
      stock: stock ?? null,
      sku: row.sku.trim() === '' ? null : row.sku,
      active: row.active,
      image: imageUrls.get(row.image) ?? null,
    };
  });
}

/** Every option must have both a name and values; said per row, before asking the core. */
function optionErrors(values: ProductFormValues, errors: FieldErrors): void {
  values.options.forEach((row, i) => {
    if (row.name.trim() === '') errors[`options.${i}.name`] = say.optionName;
    if (row.values.trim() === '' || row.values.split(',').every((v) => v.trim() === '')) errors[`options.${i}.values`] = say.optionValues;
  });
}

/** The combination's name in front of a row's message, so the summary at the top says which row. */
export function withRowNames(errors: FieldErrors, values: ProductFormValues): FieldErrors {
  const names = values.options.map((o) => o.name.trim());
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const row = /^variants\.(\d+)\./.exec(key);
    const options = row ? values.variants[Number(row[1])]?.options : undefined;
    out[key] = options ? `${options.map((v, j) => `${names[j] ?? ''}: ${v}`).join(' · ')} — ${message}` : message;
  }
  return out;
}

/** The product form, read once for both create and update. */
export interface ProductForm {
  /** As text, for re-rendering (options compacted, rows remade by "Make variants"). */
  values: ProductFormValues;
  /** The core's input. */
  input: Record<string, unknown>;
  /** The chosen pictures, in order (the kept ones of an earlier post first); also when "Make variants" was pressed, to keep them. */
  images: Buffer[];
  /** Empty when the core may be asked; else every bad field at once. */
  errors: FieldErrors;
  /** "Make variants" was pressed: show the rows again, save nothing. */
  makeVariants: boolean;
  /** What to say above the form when the rows were made. */
  notice?: string;
}

/** The pictures checked cheaply (type, size, declared pixels) before anything is saved. */
function imageErrors(images: Buffer[], product: Product | null, errors: FieldErrors): void {
  const room = maxImagesPerProduct - (product?.images.length ?? 0);
  if (images.length > room) {
    errors['images'] = room <= 0 ? `A product may have at most ${maxImagesPerProduct} pictures; remove one first` : `Choose at most ${room} pictures (a product may have ${maxImagesPerProduct})`;
    return;
  }
  for (const [i, bytes] of images.entries()) {
    try {
      checkImage(bytes, 'images');
    } catch (error) {
      const message = Object.values(formProblem(error).errors)[0] ?? 'This file is not a picture we can use';
      errors['images'] = images.length > 1 ? `Picture ${i + 1}: ${message}` : message;
      return;
    }
  }
}

/**
 * Reads the product form: its values, the money in the store's currency, the options and their
 * rows, the pictures' check, and the schema's errors. `product` is the product being edited (its
 * variant ids and pictures), null on create.
 */
export function readProductForm(payload: unknown, currency: string, schema: Joi.Schema, product: Product | null): ProductForm {
  let values = productValues(payload);
  const options = typedOptions(values.options);
  // Kept ones first: they were chosen first, and the first picture is the cover.
  const images = [...keptOf(payload), ...filesOf(payload, 'images'), ...filesOf(payload, 'file')];
  const errors: FieldErrors = {};
  const tooMany = combinationCount(options) > maxVariantRows ? `These options make ${combinationCount(options)} combinations; a product may have at most ${maxVariantRows} variants` : null;

  if (field(payload, 'intent') === 'variants') {
    if (options.length === 0) {
      return { values: simpleFromRows(values), input: {}, images, errors: {}, makeVariants: true, notice: say.noOptions };
    }
    optionErrors(values, errors);
    if (tooMany) errors['options'] = tooMany;
    if (Object.keys(errors).length > 0) return { values, input: {}, images, errors, makeVariants: true };
    // The values as they will be saved (repeats and blanks gone), so what the vendor sees is what the rows are.
    values = { ...values, options: options.map((o) => ({ name: o.name, values: o.values.join(', ') })), variants: makeRows(values, options) };
    return {
      values,
      input: {},
      images,
      errors: {},
      makeVariants: true,
      // The page counts the rows it shows.
      notice: say.variantsMade,
    };
  }

  const base = {
    name: values.name,
    description: values.description,
    categoryId: values.categoryId === '' ? null : values.categoryId,
    active: values.active,
    ...taxInput(payload, values, errors),
  };
  let input: Record<string, unknown>;
  if (options.length === 0) {
    values = simpleFromRows(values);
    // An edited product that had options becomes one sold one way: say so, or its variants stay.
    input = { ...base, ...simpleInput(values, currency, errors), ...(product && product.options.length > 0 ? { options: [] } : {}) };
  } else {
    optionErrors(values, errors);
    if (tooMany) errors['options'] = tooMany;
    if (Object.keys(errors).length === 0 && !rowsMatchOptions(values.variants, options)) {
      // Options typed but rows not remade (no "Make variants"): make them, and let the vendor look before saving.
      values = { ...values, variants: makeRows(values, options) };
      errors['variants'] = say.variantsFollow;
    }
    input = { ...base, options, variants: variantInputs(values.variants, options, product, currency, errors) };
  }
  imageErrors(images, product, errors);
  const all = uploadFormErrors({ schema, input, refused: errors, image: null, imageField: 'images', placeholders: productPlaceholders });
  return { values, input, images, errors: withRowNames(all, values), makeVariants: false };
}
