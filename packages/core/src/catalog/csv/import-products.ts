import { nowIso, type CoreContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import type { Repositories } from '../../persistence.js';
import { catalogChanged, stockChanged } from '../catalog-events.js';
import { draftProduct, type ProductDraft } from './draft-product.js';
import { groupCsvRows } from './group-csv-rows.js';
import type { ImportError, ImportProgress, ImportResult } from './import-result.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { maxImportErrors, readProductCsv } from './read-product-csv.js';

export interface ImportOptions {
  /** Check everything and write nothing. */
  dryRun?: boolean;
  /** Hears where the import is (rows read, products checked and written). */
  onProgress?: (progress: ImportProgress) => void;
}

const byPlace = (a: ImportError, b: ImportError) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '');

function result(rows: number, errors: ImportError[], plan: ImportPlan | null, applied: boolean): ImportResult {
  const sorted = [...errors].sort(byPlace).slice(0, maxImportErrors);
  return { rows, created: plan?.creates.length ?? 0, updated: (plan?.updates.length ?? 0) + (plan?.unchanged ?? 0), errors: sorted, applied };
}

async function write(tx: Repositories, storeId: string, plan: ImportPlan, at: string, progress: (done: number) => void): Promise<void> {
  for (const category of plan.categories) await tx.categories.insert(category);
  for (const release of plan.releases) {
    // Only SKUs are released: the stock stays what the database has (a sale may have come since the read).
    await tx.products.update(storeId, release.id, { variants: release.variants, keepStockOf: release.variants.map((v) => v.id) }, at);
  }
  let done = 0;
  // Multi-row inserts, a few hundred products at a time, so that progress still moves.
  for (let start = 0; start < plan.creates.length; start += 500) {
    const chunk = plan.creates.slice(start, start + 500);
    await tx.products.insertMany(chunk);
    done += chunk.length;
    progress(done);
  }
  for (const { id, patch } of plan.updates) {
    await tx.products.update(storeId, id, patch, at);
    if (++done % 100 === 0) progress(done);
  }
}

/**
 * Imports a catalogue CSV (the format `exportProducts` writes; see product-csv-columns.ts):
 * read as it streams in, every row checked with the product rules, then matched to the store
 * (by handle, else by SKU: those products are changed, the others created, missing categories
 * made). Every problem is reported by row and column, and with any problem nothing is written;
 * otherwise everything is written in one transaction (the store held, as a product create
 * does), or nothing is when it fails. A dry run checks the same way and writes nothing.
 */
export async function importProducts(context: CoreContext, storeId: string, source: Buffer | string | AsyncIterable<Buffer | string>, options: ImportOptions = {}): Promise<ImportResult> {
  const report = options.onProgress ?? (() => {});
  const store = await context.persistence.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  report({ phase: 'reading', done: 0, total: null });
  const read = await readProductCsv(source, (rows) => report({ phase: 'reading', done: rows, total: null }));
  const errors = [...read.errors];
  const rowCount = read.rows.length;
  if (errors.length > 0) return result(rowCount, errors, null, false);
  const { groups, errors: groupErrors } = groupCsvRows(read.rows);
  errors.push(...groupErrors);
  const drafts: ProductDraft[] = [];
  for (const [i, group] of groups.entries()) {
    const draft = draftProduct(group, store.currency, errors);
    if (draft) drafts.push(draft);
    if (i % 500 === 0) report({ phase: 'checking', done: i, total: groups.length });
    if (errors.length >= maxImportErrors) break;
  }
  const checked = (done: number) => report({ phase: 'checking', done, total: drafts.length });
  if (errors.length > 0 || options.dryRun) {
    // The store is read (links, SKUs) to find every problem and count what would change.
    const plan = await planImport(context.persistence, storeId, drafts, nowIso(context), checked);
    report({ phase: 'done', done: groups.length, total: groups.length });
    return result(rowCount, [...errors, ...plan.errors], plan, false);
  }
  const at = nowIso(context);
  const plan = await context.persistence.transaction(async (tx) => {
    // Held like a product create: a currency change cannot slip between the check and the writes.
    if (!(await tx.stores.lock(storeId))) throw new NotFoundError('Store not found');
    const planned = await planImport(tx, storeId, drafts, at, checked);
    if (planned.errors.length > 0) return planned;
    const total = planned.creates.length + planned.updates.length;
    await write(tx, storeId, planned, at, (done) => report({ phase: 'writing', done, total }));
    return planned;
  });
  report({ phase: 'done', done: groups.length, total: groups.length });
  if (plan.errors.length > 0) return result(rowCount, plan.errors, plan, false);
  await catalogChanged(context, storeId);
  const tracked = [...plan.creates.filter((p) => p.variants.some((v) => v.stock !== null)).map((p) => p.id), ...plan.updates.map((u) => u.id)];
  await stockChanged(context, storeId, tracked);
  return result(rowCount, [], plan, true);
}
