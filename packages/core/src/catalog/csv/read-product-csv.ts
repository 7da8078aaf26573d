import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { columnOf, productCsvColumns, requiredProductCsvColumns, type ProductCsvColumn, type ProductCsvRow } from './product-csv-columns.js';
import type { ImportError } from './import-result.js';
import { fromSpreadsheetText } from './spreadsheet-text.js';

/** More rows than any catalogue needs (100 variants × 2,000 products at most in one file). */
export const maxImportRows = 50_000;
/** The longest row: a 5,000-character description in the worst UTF-8 plus the other cells. */
const maxRowChars = 64 * 1024;
/** Errors reported at most: past that a file is simply not a catalogue CSV. */
export const maxImportErrors = 500;

/** One data row: where it is in the spreadsheet (the header is row 1) and its cells by column. */
export interface CsvDataRow {
  row: number;
  cells: ProductCsvRow;
}

export interface ReadCsv {
  rows: CsvDataRow[];
  errors: ImportError[];
}

const blankRow = (): ProductCsvRow => Object.fromEntries(productCsvColumns.map((c) => [c, ''])) as ProductCsvRow;

function headerErrors(header: string[]): { columns: Array<ProductCsvColumn | null>; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const seen = new Set<ProductCsvColumn>();
  const columns = header.map((cell) => {
    const column = columnOf(cell);
    if (column === null) {
      if (cell.trim() === '') return null;
      const semicolons = header.length === 1 && cell.includes(';');
      errors.push({
        row: 1,
        column: cell.trim().slice(0, 60),
        message: semicolons
          ? 'The columns are separated by semicolons: save the file as CSV with commas (in Excel, "CSV UTF-8 (Comma delimited)")'
          : `Unknown column; the columns are: ${productCsvColumns.join(', ')}`,
      });
      return null;
    }
    if (seen.has(column)) errors.push({ row: 1, column, message: 'This column appears twice' });
    seen.add(column);
    return column;
  });
  if (errors.some((e) => e.message.includes('semicolons'))) return { columns, errors };
  for (const required of requiredProductCsvColumns) {
    if (!seen.has(required)) errors.push({ row: 1, column: required, message: `The file needs a "${required}" column` });
  }
  return { columns, errors };
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell is never closed: check the quotes (") in this row';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'A quote (") inside a cell must be doubled ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'This row is too long (more than 64,000 characters)';
    default:
      return `The file is not a valid CSV file: ${error.message}`;
  }
}

/**
 * Reads a catalogue CSV as it streams in (csv-parse): the header is matched to the format's
 * columns, blank rows are skipped, every cell is unescaped (`fromSpreadsheetText`), and what
 * cannot be read is reported by row and column. `onRow` hears the count of rows read as it
 * grows. A broken file (an unclosed quote) stops the reading at its row.
 */
export async function readProductCsv(source: Buffer | string | AsyncIterable<Buffer | string>, onRow?: (rows: number) => void): Promise<ReadCsv> {
  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([source]) : Readable.from(source);
  // Empty lines are records too (skipped below): a spreadsheet counts them as rows, and the
  // reported row numbers must match what the vendor sees.
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: maxRowChars, skip_empty_lines: false });
  const rows: CsvDataRow[] = [];
  const errors: ImportError[] = [];
  let columns: Array<ProductCsvColumn | null> | null = null;
  let record = 0;
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const raw of parser as AsyncIterable<string[]>) {
      record += 1;
      if (columns === null && raw.every((cell) => cell.trim() === '')) continue;
      if (columns === null) {
        const header = headerErrors(raw);
        columns = header.columns;
        errors.push(...header.errors);
        if (errors.length > 0) break;
        continue;
      }
      if (raw.every((cell) => cell.trim() === '')) continue;
      if (rows.length >= maxImportRows) {
        errors.push({ row: record, column: null, message: `A file may have at most ${maxImportRows.toLocaleString('en-IN')} rows; split it in two` });
        break;
      }
      const cells = blankRow();
      raw.forEach((cell, i) => {
        const column = columns?.[i];
        if (column) cells[column] = fromSpreadsheetText(cell);
        else if (cell.trim() !== '' && i >= (columns?.length ?? 0)) errors.push({ row: record, column: null, message: 'This row has more cells than the header has columns' });
        if (cell.includes('\ufffd')) errors.push({ row: record, column: column ?? null, message: 'This cell is not UTF-8 text: save the file as "CSV UTF-8"' });
      });
      rows.push({ row: record, cells });
      if (onRow && rows.length % 500 === 0) onRow(rows.length);
      if (errors.length >= maxImportErrors) break;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The records the parser finished (the header among them), not those this loop took: it reads ahead.
    const finished = typeof error.records === 'number' ? error.records : record;
    errors.push({ row: finished + 1, column: null, message: csvErrorMessage(error) });
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  if (columns === null && errors.length === 0) errors.push({ row: 1, column: null, message: 'The file is empty: it needs a header row and a row per product' });
  onRow?.(rows.length);
  return { rows, errors };
}
