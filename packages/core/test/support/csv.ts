import { parse } from 'csv-parse/sync';
import type { Test } from 'tap';

/** A CSV file as records keyed by its header row; the byte order mark is checked and dropped. */
export function csvRecords(t: Test, bytes: Buffer | undefined): Array<Record<string, string>> {
  const text = bytes?.toString('utf8') ?? '';
  t.ok(text.startsWith('\ufeff'), 'starts with a byte order mark for spreadsheets');
  // Rows, not records: a row short of a column must fail the check below, not the parse.
  const [header = [], ...rows] = parse(text.slice(1), { relax_column_count: true }) as string[][];
  t.equal(rows.filter((row) => row.length !== header.length).length, 0, 'every row has every column');
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}
