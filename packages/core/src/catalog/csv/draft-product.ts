import { parseMoney } from '../../pricing/format.js';
import { maxStock } from '../../shared/fields.js';
import { toFieldErrors, validationOptions } from '../../shared/validate.js';
import { ValidationFailedError, type FieldError } from '../../errors.js';
import { productCreateSchema, type ProductInput, type ProductOptionInput, type VariantInput } from '../schemas.js';
import type { ImportError } from './import-result.js';
import { optionNameColumns, optionValueColumns, type ProductCsvColumn } from './product-csv-columns.js';
import type { CsvDataRow } from './read-product-csv.js';
import type { ProductRows } from './group-csv-rows.js';

/** A product as its rows describe it, checked by the product rules; not yet matched to the store. */
export interface ProductDraft {
  /** The handle as written, or null: made from the name. */
  handle: string | null;
  /** Validated: `options` and `variants` (in row order) for a product with options; else the top-level price, MRP, stock, SKU. */
  input: ProductInput;
  /** The category's name as written (trimmed); null for none. */
  category: string | null;
  /** The product's first row (its own fields); with options, `variantRows[i]` is variant i's row. */
  first: CsvDataRow;
  variantRows: CsvDataRow[];
}

const maxCategoryName = 60;

// The options compiled into the schema once: joi merges options passed per call on every call,
// a sizeable share of checking 10,000 rows.
const productRowSchema = productCreateSchema.prefs(validationOptions);

function validateProduct(input: ProductInput): ProductInput {
  const { error, value } = productRowSchema.validate(input);
  if (error) throw new ValidationFailedError('Some fields are not valid', toFieldErrors(error));
  return value;
}
const truthy = new Set(['true', 'yes', 'y', '1', 'on']);
const falsy = new Set(['false', 'no', 'n', '0', 'off']);

/** true/false, yes/no, 1/0 in any case; blank is `blank`; null when it is none of them. */
function parseSwitch(cell: string, blank: boolean): boolean | null {
  const text = cell.trim().toLowerCase();
  if (text === '') return blank;
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return null;
}

/** The cells of a variant row as the product rules take them, or the problems, by column. */
function variantFields(row: CsvDataRow, currency: string, errors: ImportError[]): Omit<VariantInput, 'options'> {
  const at = (column: ProductCsvColumn, message: string) => errors.push({ row: row.row, column, message });
  const { cells } = row;
  const price = cells.price.trim() === '' ? null : parseMoney(cells.price, currency);
  if (cells.price.trim() === '') at('price', 'Give the price, like 199.00');
  else if (price === null) at('price', `"${cells.price.trim().slice(0, 30)}" is not a price; write it like 199.00`);
  const compareAtPrice = cells.mrp.trim() === '' ? null : parseMoney(cells.mrp, currency);
  if (cells.mrp.trim() !== '' && compareAtPrice === null) at('mrp', `"${cells.mrp.trim().slice(0, 30)}" is not an amount; write it like 249.00, or leave it blank`);
  if (price !== null && compareAtPrice !== null && compareAtPrice <= price) at('mrp', 'The MRP must be more than the price (leave it blank for none)');
  const stockText = cells.stock.trim().replace(/[,_\s]/g, '');
  const stock = stockText === '' ? null : /^\d{1,10}$/.test(stockText) && Number(stockText) <= maxStock ? Number(stockText) : undefined;
  if (stock === undefined) at('stock', 'Stock must be a whole number of units (or blank when you do not count it)');
  const active = parseSwitch(cells['variant available'], true);
  if (active === null) at('variant available', 'Write true or false');
  const sku = cells.sku.trim();
  return { price: price ?? 0, compareAtPrice, stock: stock ?? null, sku: sku === '' ? null : sku, active: active ?? true };
}

/** Where a product rule's error path (`variants.2.price`, `options.0.values.1`) sits in the file. */
function locate(path: string, draft: Pick<ProductDraft, 'first' | 'variantRows'>): { row: number; column: string | null } {
  const [head, index, field] = path.split('.');
  const firstRow = draft.first.row;
  const byField: Record<string, string> = { name: 'name', slug: 'handle', description: 'description', active: 'visible', price: 'price', compareAtPrice: 'mrp', stock: 'stock', sku: 'sku' };
  if (head === 'variants' && index !== undefined) {
    const row = draft.variantRows[Number(index)]?.row ?? firstRow;
    if (field === 'options') return { row, column: 'option1 value' };
    if (field === 'active') return { row, column: 'variant available' };
    return { row, column: field === undefined ? null : (byField[field] ?? null) };
  }
  if (head === 'options' && index !== undefined) {
    const n = Number(index) + 1;
    return { row: firstRow, column: field === 'values' ? `option${n} value` : `option${n} name` };
  }
  return { row: firstRow, column: head === undefined ? null : (byField[head] ?? null) };
}

/** The product rules' errors placed by row and column. */
export function placeErrors(errors: FieldError[], draft: Pick<ProductDraft, 'first' | 'variantRows'>): ImportError[] {
  return errors.map((error) => ({ ...locate(error.path, draft), message: error.message }));
}

/** Runs a product rule, turning its ValidationFailedError into placed errors. */
export function underRules<T>(draft: Pick<ProductDraft, 'first' | 'variantRows'>, rule: () => T, errors: ImportError[]): T | null {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    errors.push(...placeErrors(error.details.length > 0 ? error.details : [{ path: '', message: error.message }], draft));
    return null;
  }
}

/** The options named on the first row: option1 to option3, without gaps. */
function optionNames(first: CsvDataRow, errors: ImportError[]): string[] {
  const names: string[] = [];
  optionNameColumns.forEach((column, i) => {
    const name = first.cells[column].trim();
    if (name === '') return;
    if (names.length < i) errors.push({ row: first.row, column, message: `Fill option${names.length + 1} name before option${i + 1} name` });
    names.push(name);
  });
  return names;
}

/**
 * A product from its rows: the first row's own fields, one variant per row, checked with the
 * same rules (joi schema, variant rules) as the product form and the API, every problem placed
 * by row and column. Null when anything is wrong.
 */
export function draftProduct(group: ProductRows, currency: string, errors: ImportError[]): ProductDraft | null {
  const before = errors.length;
  const first = group.rows[0] as CsvDataRow;
  const { cells } = first;
  if (cells.name.trim() === '') errors.push({ row: first.row, column: 'name', message: 'The first row of a product needs its name' });
  const active = parseSwitch(cells.visible, true);
  if (active === null) errors.push({ row: first.row, column: 'visible', message: 'Write true or false' });
  const category = cells.category.trim();
  if (category.length > maxCategoryName) errors.push({ row: first.row, column: 'category', message: `A category name has at most ${maxCategoryName} characters` });
  if (category.includes('\0')) errors.push({ row: first.row, column: 'category', message: 'The category must not contain NUL bytes' });
  const names = optionNames(first, errors);
  const options: ProductOptionInput[] = names.map((name) => ({ name, values: [] }));
  const variants: VariantInput[] = group.rows.map((row) => {
    const chosen: Record<string, string> = {};
    optionValueColumns.forEach((column, i) => {
      const value = row.cells[column].trim();
      const option = options[i];
      if (!option) {
        if (value !== '') errors.push({ row: row.row, column, message: `The product has no option${i + 1} name on its first row (row ${first.row})` });
        return;
      }
      if (value === '') {
        errors.push({ row: row.row, column, message: `Give this variant's ${option.name}` });
        return;
      }
      const known = option.values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (known === undefined) option.values.push(value);
      chosen[option.name] = known ?? value;
    });
    return { options: chosen, ...variantFields(row, currency, errors) };
  });
  const combinations = new Map<string, number>();
  variants.forEach((variant, i) => {
    const row = group.rows[i] as CsvDataRow;
    if (options.length === 0 || Object.keys(variant.options).length < options.length) return;
    const key = JSON.stringify(options.map((o) => (variant.options[o.name] ?? '').toLowerCase()));
    const twin = combinations.get(key);
    if (twin !== undefined) errors.push({ row: row.row, column: 'option1 value', message: `The same options as row ${twin}: each row is one combination` });
    else combinations.set(key, row.row);
  });
  if (options.length === 0 && group.rows.length > 1) {
    for (const row of group.rows.slice(1)) {
      errors.push({ row: row.row, column: 'option1 value', message: `A second row for handle "${group.handle}": name option1 on row ${first.row} (e.g. Size) to sell variants` });
    }
  }
  if (options.length === 0 && variants[0]?.active === false) {
    errors.push({ row: first.row, column: 'variant available', message: 'A product without options is hidden with visible=false' });
  }
  if (errors.length > before) return null;
  const raw: ProductInput = {
    name: cells.name,
    ...(group.handle === null ? {} : { slug: group.handle }),
    description: cells.description,
    active: active ?? true,
    ...(options.length > 0 ? { options, variants } : { options: [], price: variants[0]?.price, compareAtPrice: variants[0]?.compareAtPrice ?? null, stock: variants[0]?.stock ?? null, sku: variants[0]?.sku ?? null }),
  };
  const draft = { first, variantRows: group.rows };
  const input = underRules(draft, () => validateProduct(raw), errors);
  if (!input) return null;
  // The variant rules (one value per option, no combination twice) run when the plan builds the product.
  return { handle: input.slug ?? null, input, category: category === '' ? null : category, ...draft };
}
