import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { productCsvColumns } from './product-csv-columns.js';

const noop = () => {};

/**
 * Rows (already in column order and spreadsheet-safe) as the bytes of a catalogue CSV: a UTF-8
 * byte order mark (Excel reads UTF-8 names in any script as Latin-1 without it), a header row
 * and CRLF line ends, written by csv-stringify as the rows are pulled.
 */
export async function* writeProductCsv(rows: Iterable<string[]> | AsyncIterable<string[]>): AsyncGenerator<Buffer> {
  const stringifier = stringify({ header: true, columns: [...productCsvColumns], bom: true, record_delimiter: 'windows' });
  for await (const chunk of pipeline(Readable.from(rows), stringifier, noop) as AsyncIterable<string | Buffer>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/** The whole file as one string (the template, tests). */
export async function productCsvText(rows: Iterable<string[]>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of writeProductCsv(rows)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
