import { parse } from 'csv-parse/sync';

/** A CSV body (its byte order mark dropped) as records keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
}
