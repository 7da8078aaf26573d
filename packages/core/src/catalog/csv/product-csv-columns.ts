/**
 * The columns of the catalogue CSV, in file order: one row per variant, Shopify-like. The first
 * row of a handle carries the product's own fields (name to option names); later rows of the
 * same handle carry only the variant's (option values, price to availability).
 */
export const productCsvColumns = [
  'handle',
  'name',
  'description',
  'category',
  'visible',
  'option1 name',
  'option1 value',
  'option2 name',
  'option2 value',
  'option3 name',
  'option3 value',
  'price',
  'mrp',
  'stock',
  'sku',
  'variant available',
] as const;

export type ProductCsvColumn = (typeof productCsvColumns)[number];

/** One row as named cells; a column the file left out reads as ''. */
export type ProductCsvRow = Record<ProductCsvColumn, string>;

/** The fields of the product itself: given on a handle's first row, blank (or the same) on its later rows. */
export const productLevelColumns: readonly ProductCsvColumn[] = ['name', 'description', 'category', 'visible', 'option1 name', 'option2 name', 'option3 name'];

export const optionNameColumns = ['option1 name', 'option2 name', 'option3 name'] as const;
export const optionValueColumns = ['option1 value', 'option2 value', 'option3 value'] as const;

/** Columns a file must have; the others default (blank) when left out. */
export const requiredProductCsvColumns: readonly ProductCsvColumn[] = ['name', 'price'];

/**
 * A header cell as a column name: case, surrounding spaces, underscores and repeated spaces do not
 * matter (`Option1_Name` is `option1 name`), so a file typed by hand or renamed by a spreadsheet
 * still reads.
 */
export function columnOf(header: string): ProductCsvColumn | null {
  const name = header.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  return (productCsvColumns as readonly string[]).includes(name) ? (name as ProductCsvColumn) : null;
}
