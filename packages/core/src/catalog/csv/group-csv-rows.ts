import type { ImportError } from './import-result.js';
import { productLevelColumns } from './product-csv-columns.js';
import type { CsvDataRow } from './read-product-csv.js';

/** The rows of one product: its handle as written (lowercased; null when left blank) and its rows in file order. */
export interface ProductRows {
  handle: string | null;
  rows: CsvDataRow[];
}

/**
 * The rows by product: rows with the same handle belong together (wherever they are in the
 * file); a row without a handle is a product of its own, its link made from its name. A later
 * row of a handle may repeat a product field of the first (a filled-down column) but not
 * change it: two products that share a handle by mistake would otherwise merge silently.
 */
export function groupCsvRows(rows: CsvDataRow[]): { groups: ProductRows[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const groups: ProductRows[] = [];
  const byHandle = new Map<string, ProductRows>();
  for (const row of rows) {
    const handle = row.cells.handle.trim().toLowerCase();
    if (handle === '') {
      if (row.cells.name.trim() === '') {
        errors.push({ row: row.row, column: 'handle', message: 'Give the handle of the product this row belongs to (or a name, for a new product)' });
      } else {
        groups.push({ handle: null, rows: [row] });
      }
      continue;
    }
    const group = byHandle.get(handle);
    if (!group) {
      const fresh = { handle, rows: [row] };
      byHandle.set(handle, fresh);
      groups.push(fresh);
      continue;
    }
    const first = group.rows[0] as CsvDataRow;
    for (const column of productLevelColumns) {
      const value = row.cells[column].trim();
      if (value !== '' && value !== first.cells[column].trim()) {
        errors.push({ row: row.row, column, message: `Product fields go on the first row of the handle (row ${first.row}); leave this cell blank or the same` });
      }
    }
    group.rows.push(row);
  }
  return { groups, errors };
}
