import type { Page } from '../../shared/page.js';

/** Rows per query while reading a whole table for an export: also the most an export holds at once. */
export const exportPageSize = 100;

/**
 * The greatest id `newId` can make in millisecond `ms` (UUIDv7: the time is the first 48 bits, and
 * ids compare as text the way they sort in the repositories). Rows with a greater id were created
 * later. Made from the real clock, as ids are.
 */
export function idCeiling(ms: number): string {
  const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8)}-ffff-ffff-ffffffffffff`;
}

/**
 * The pages of a keyset-paginated list (the repositories page by id, newest first), fetched one
 * at a time as the consumer asks for the next: a table of any size is read without holding more
 * than one page, and a consumer that stops (the download was cut off) stops the queries. Rows
 * with an id above `upTo` (created after the export started) are left out, so every pass over
 * the table lists the same rows.
 */
export async function* listPages<T extends { id: string }>(list: (after: string | undefined, limit: number) => Promise<Page<T>>, upTo: string): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const page = await list(after, exportPageSize);
    const items = page.items.filter((item) => item.id <= upTo);
    if (items.length > 0) yield items;
    const last = page.items[page.items.length - 1];
    if (page.nextCursor === null || !last) return;
    after = last.id;
  }
}
