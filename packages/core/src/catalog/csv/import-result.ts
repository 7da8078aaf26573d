/** One problem of an import: the spreadsheet row (the header is row 1) and column it is in. */
export interface ImportError {
  row: number;
  /** The column as the format names it (`price`, `option1 value`); null for the row (or file) as a whole. */
  column: string | null;
  message: string;
}

/** What an import did, or (dry run, or any error) would do: with any error, nothing was written. */
export interface ImportResult {
  /** Data rows read (the header and blank rows not counted). */
  rows: number;
  /** Products the file adds. */
  created: number;
  /** Existing products the file changes (matched by handle or SKU). */
  updated: number;
  /** Every problem found, by row then column; empty when the import was (or would be) applied. */
  errors: ImportError[];
  /** Whether anything was written: false for a dry run or when there are errors. */
  applied: boolean;
}

/** Where an import is, for a progress bar. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  /** Rows read so far (reading), or products checked or written so far. */
  done: number;
  /** How many there are in all, once known (after reading). */
  total: number | null;
}
