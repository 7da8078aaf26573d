import type { Knex } from 'knex';
import type { StockLine } from '../../catalog/product.js';

interface StockAmounts {
  ids: string[];
  /** `CASE id WHEN ? THEN ? … END`: each product's quantity, for one set-based UPDATE. */
  sql: string;
  bindings: (string | number)[];
}

/** One quantity per product (duplicate lines summed), as a CASE expression over the id. */
function stockAmounts(lines: StockLine[]): StockAmounts {
  const merged = new Map<string, number>();
  for (const { productId, quantity } of lines) merged.set(productId, (merged.get(productId) ?? 0) + quantity);
  const bindings: (string | number)[] = [];
  for (const [id, quantity] of merged) bindings.push(id, quantity);
  const whens = ' WHEN ? THEN CAST(? AS INTEGER)'.repeat(merged.size);
  return { ids: [...merged.keys()], sql: `CASE id${whens} END`, bindings };
}

/**
 * Takes every line in one conditional UPDATE, so concurrent takers never oversell (the row
 * lock on PostgreSQL re-checks `stock >= quantity` after a concurrent commit; SQLite has one
 * writer). Only when some product was left untouched does one SELECT tell the short ones
 * (tracked, or gone) from the untracked ones. Returns the ids of the short products.
 */
export async function takeStock(db: Knex, storeId: string, lines: StockLine[]): Promise<string[]> {
  const amounts = stockAmounts(lines);
  if (amounts.ids.length === 0) return [];
  const taken = (await db('products')
    .where('store_id', storeId)
    .whereIn('id', amounts.ids)
    .whereNotNull('stock')
    .whereRaw(`stock >= ${amounts.sql}`, amounts.bindings)
    .update({ stock: db.raw(`stock - ${amounts.sql}`, amounts.bindings) }, ['id'])) as { id: string }[];
  if (taken.length === amounts.ids.length) return [];
  const takenIds = new Set(taken.map((row) => row.id));
  const untouched = amounts.ids.filter((id) => !takenIds.has(id));
  const rows = (await db('products')
    .where('store_id', storeId)
    .whereIn('id', untouched)
    .select('id', 'stock')) as { id: string; stock: number | null }[];
  const untracked = new Set(rows.filter((row) => row.stock === null).map((row) => row.id));
  return untouched.filter((id) => !untracked.has(id));
}

/** Gives the lines back to the products that track stock, in one UPDATE. */
export async function returnStock(db: Knex, storeId: string, lines: StockLine[]): Promise<void> {
  const amounts = stockAmounts(lines);
  if (amounts.ids.length === 0) return;
  await db('products')
    .where('store_id', storeId)
    .whereIn('id', amounts.ids)
    .whereNotNull('stock')
    .update({ stock: db.raw(`stock + ${amounts.sql}`, amounts.bindings) });
}

/** The SQL value of `stock + delta`, floored at 0 (MAX/GREATEST differ between the databases). */
export function adjustedStock(db: Knex, delta: number): Knex.Raw {
  return db.raw('CASE WHEN stock + CAST(? AS INTEGER) < 0 THEN 0 ELSE stock + CAST(? AS INTEGER) END', [delta, delta]);
}
