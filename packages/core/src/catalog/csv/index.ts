// The catalogue CSV: import, export and template, in one format (see product-csv-columns.ts).
export { productCsvColumns } from './product-csv-columns.js';
export type { ProductCsvColumn } from './product-csv-columns.js';
export { maxImportRows } from './read-product-csv.js';
export type { ImportError, ImportResult, ImportProgress } from './import-result.js';
export type { ImportOptions } from './import-products.js';
export type { ProductExport } from './export-products.js';
