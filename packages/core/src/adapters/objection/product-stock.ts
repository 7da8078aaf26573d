import type { Knex } from 'knex';
import type { StockLine } from '../../catalog/product.js';
import { ValidationFailedError } from '../../errors.js';
import { maxInt4 } from './column-limits.js';

const table = 'product_variants';

interface StockAmounts {
  ids: string[];
  /** `CASE id WHEN ? THEN ? … END`: each variant's quantity, for one set-based UPDATE. */
  sql: string;
  bindings: (string | number)[];
}

/** One quantity per variant (duplicate lines summed), as a CASE expression over the id. */
function stockAmounts(lines: StockLine[]): StockAmounts {
  const merged = new Map<string, number>();
  for (const { variantId, quantity } of lines) merged.set(variantId, (merged.get(variantId) ?? 0) + quantity);
  const bindings: (string | number)[] = [];
  for (const [id, quantity] of merged) bindings.push(id, quantity);
  // bigint, so that stock + quantity cannot overflow int4 before it is compared or capped.
  const whens = ' WHEN ? THEN CAST(? AS BIGINT)'.repeat(merged.size);
  return { ids: [...merged.keys()], sql: `CASE id${whens} END`, bindings };
}

/**
 * Takes every line in one conditional UPDATE, so concurrent takers never oversell (the row
 * lock on PostgreSQL re-checks `stock >= quantity` after a concurrent commit; SQLite has one
 * writer). Only when some variant was left untouched does one SELECT tell the short ones
 * (tracked, or gone) from the untracked ones. Returns the ids of the short variants.
 */
export async function takeStock(db: Knex, storeId: string, lines: StockLine[]): Promise<string[]> {
  const amounts = stockAmounts(lines);
  if (amounts.ids.length === 0) return [];
  const taken = (await db(table)
    .where('store_id', storeId)
    .whereIn('id', amounts.ids)
    .whereNotNull('stock')
    .whereRaw(`stock >= ${amounts.sql}`, amounts.bindings)
    .update({ stock: db.raw(`stock - ${amounts.sql}`, amounts.bindings) }, ['id'])) as { id: string }[];
  if (taken.length === amounts.ids.length) return [];
  const takenIds = new Set(taken.map((row) => row.id));
  const untouched = amounts.ids.filter((id) => !takenIds.has(id));
  const rows = (await db(table)
    .where('store_id', storeId)
    .whereIn('id', untouched)
    .select('id', 'stock')) as { id: string; stock: number | null }[];
  const untracked = new Set(rows.filter((row) => row.stock === null).map((row) => row.id));
  return untouched.filter((id) => !untracked.has(id));
}

/**
 * Gives the lines back to the variants that track stock, in one UPDATE. The count is capped at
 * what the int4 column holds: a vendor may have raised it to the top while the order was out.
 */
export async function returnStock(db: Knex, storeId: string, lines: StockLine[]): Promise<void> {
  const amounts = stockAmounts(lines);
  if (amounts.ids.length === 0) return;
  const sum = `stock + ${amounts.sql}`;
  await db(table)
    .where('store_id', storeId)
    .whereIn('id', amounts.ids)
    .whereNotNull('stock')
    .update({ stock: db.raw(`CASE WHEN ${sum} > ${maxInt4} THEN ${maxInt4} ELSE ${sum} END`, [...amounts.bindings, ...amounts.bindings]) });
}

function stockTooLarge(): ValidationFailedError {
  const message = `the stock would exceed ${maxInt4}`;
  return new ValidationFailedError('Some fields are not valid', [{ path: 'delta', message }]);
}

/**
 * Adds `delta` to a variant's tracked stock, floored at 0, in one UPDATE; resolves whether it
 * changed. A result past what the int4 column holds is refused (ValidationFailedError on
 * `delta`) on both databases, instead of PostgreSQL's "integer out of range" failing the request.
 */
export async function adjustStock(
  db: Knex,
  change: { storeId: string; productId: string; variantId: string; delta: number; updatedAt: string },
): Promise<boolean> {
  const { storeId, productId, variantId, delta, updatedAt } = change;
  if (!Number.isSafeInteger(delta)) throw stockTooLarge();
  const where = { store_id: storeId, product_id: productId, id: variantId };
  // bigint arithmetic, so the sum itself cannot overflow before it is compared.
  const sum = 'stock + CAST(? AS BIGINT)';
  const changed = await db(table)
    .where(where)
    .whereNotNull('stock')
    .whereRaw(`${sum} <= ${maxInt4}`, [delta])
    .update({ stock: db.raw(`CASE WHEN ${sum} < 0 THEN 0 ELSE ${sum} END`, [delta, delta]), updated_at: updatedAt });
  if (changed > 0) return true;
  // Nothing changed: no such variant, untracked stock, or a sum too large (the only one to refuse).
  const current = (await db(table).where(where).first('stock')) as { stock: unknown } | undefined;
  if (current && current.stock !== null) throw stockTooLarge();
  return false;
}
