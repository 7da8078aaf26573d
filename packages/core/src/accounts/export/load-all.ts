import type { Page } from '../../shared/page.js';

/** Rows per query while reading a whole table for an export. */
const pageSize = 100;

/**
 * Every item of a keyset-paginated list, page by page (the repositories page by id, newest first),
 * so no single query returns an unbounded number of rows.
 */
export async function loadAll<T extends { id: string }>(list: (after: string | undefined, limit: number) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list(after, pageSize);
    all.push(...page.items);
    const last = page.items[page.items.length - 1];
    if (page.nextCursor === null || !last) return all;
    after = last.id;
  }
}
