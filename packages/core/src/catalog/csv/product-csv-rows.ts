import { moneyInputValue } from '../../pricing/format.js';
import type { Category } from '../category.js';
import type { Product } from '../product.js';
import { productCsvColumns, type ProductCsvColumn } from './product-csv-columns.js';
import { toSpreadsheetText } from './spreadsheet-text.js';

const yesNo = (value: boolean) => (value ? 'true' : 'false');

/**
 * The rows of one product, one per variant (by position), as cells in column order: the
 * product's own fields on the first row only, money as decimals of the store's currency
 * ("199.00"), a blank stock for an untracked one and a blank MRP for none. Text goes through
 * `toSpreadsheetText`.
 */
export function productCsvRows(product: Product, categoryName: ReadonlyMap<string, string>, currency: string): string[][] {
  const variants = [...product.variants].sort((a, b) => a.position - b.position);
  return variants.map((variant, index) => {
    const first = index === 0;
    const cells: Record<ProductCsvColumn, string> = {
      handle: product.slug,
      name: first ? product.name : '',
      description: first ? product.description : '',
      category: first && product.categoryId !== null ? (categoryName.get(product.categoryId) ?? '') : '',
      visible: first ? yesNo(product.active) : '',
      'option1 name': '',
      'option1 value': '',
      'option2 name': '',
      'option2 value': '',
      'option3 name': '',
      'option3 value': '',
      price: moneyInputValue(variant.price, currency),
      mrp: moneyInputValue(variant.compareAtPrice, currency),
      stock: variant.stock === null ? '' : String(variant.stock),
      sku: variant.sku ?? '',
      'variant available': yesNo(variant.active),
    };
    product.options.slice(0, 3).forEach((option, i) => {
      const n = i + 1;
      if (first) cells[`option${n} name` as ProductCsvColumn] = option.name;
      cells[`option${n} value` as ProductCsvColumn] = variant.options[option.name] ?? '';
    });
    return productCsvColumns.map((column) => toSpreadsheetText(cells[column]));
  });
}

/** Category names by id, for the `category` column. */
export function categoryNames(categories: readonly Category[]): Map<string, string> {
  return new Map(categories.map((category) => [category.id, category.name]));
}
