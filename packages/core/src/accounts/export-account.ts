import type { Readable } from 'node:stream';
import type { Locale } from '../i18n/locales.js';
import type { Category } from '../catalog/category.js';
import type { Product } from '../catalog/product.js';
import type { CoreContext } from '../context.js';
import { NotFoundError, RateLimitedError } from '../errors.js';
import type { Order } from '../orders/order.js';
import type { Store, VendorPrincipal } from '../vendors/vendor.js';
import { ordersCsv, productsCsv } from './export/export-csv.js';
import { takeExportSlot } from './export/export-slots.js';
import { guardedStream } from './export/guarded-stream.js';
import { imageFileKeys } from '../catalog/image-record.js';
import { imageEntries } from './export/image-entries.js';
import { jsonArray } from './export/json-array.js';
import { uploadedLogoKey } from './export/logo-key.js';
import { idCeiling, listPages } from './export/pages.js';
import { exportReadme } from './export/readme.js';
import { zipChunks, type ZipEntry } from './zip-writer.js';

/** What an export reads: the database, the image files, the limit's counters and the time. */
export type ExportContext = Pick<CoreContext, 'persistence' | 'images' | 'counters' | 'clock'>;

/** Exports per vendor per hour: enough for anyone, and a stolen session cannot hammer the database with them. */
export const exportsPerHour = 10;
const hourMs = 3600_000;

/** A download whose reader takes nothing for this long is cut off, so it gives its slot back. */
export const exportIdleMs = 120_000;

async function countExport(context: ExportContext, vendorId: string): Promise<void> {
  const key = `export:vendor:${vendorId}`;
  const { count, resetInMs } = await context.counters.increment(key, hourMs);
  if (count <= exportsPerHour) return;
  // The refused attempt is given back, so the counter settles at the limit instead of growing.
  await context.counters.decrement(key);
  const minutes = Math.max(1, Math.ceil(resetInMs / 60_000));
  throw new RateLimitedError(`You can download your data ${exportsPerHour} times an hour; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, Math.max(1, Math.ceil(resetInMs / 1000)));
}

/** The small part of the export, read before the download starts: a missing account is a proper error, not a cut-off file. */
interface ExportHead {
  account: { id: string; email: string; createdAt: string; locale: Locale };
  store: Store;
  categories: Category[];
}

async function loadExportHead({ persistence }: ExportContext, { vendorId, storeId }: Pick<VendorPrincipal, 'vendorId' | 'storeId'>): Promise<ExportHead> {
  const [vendor, store] = await Promise.all([persistence.vendors.findById(vendorId), persistence.stores.findById(storeId)]);
  if (!vendor || !store || store.vendorId !== vendorId) throw new NotFoundError('Account not found');
  const categories = await persistence.categories.list(storeId);
  // Picked field by field: the vendor record also holds the password hash, which never leaves core.
  return { account: { id: vendor.id, email: vendor.email, createdAt: vendor.createdAt, locale: vendor.locale }, store, categories };
}

/** An order as exported: without the tracking link's secret and the idempotency internals. */
function exportedOrder(order: Order) {
  const { token: _token, idempotencyKey: _key, idempotencyFingerprint: _fingerprint, ...rest } = order;
  return rest;
}

const json = (name: string, value: unknown, modified: Date): ZipEntry => ({ name, data: `${JSON.stringify(value, null, 2)}\n`, modified });

/** The logo's key, then the key of every file (each size and format) of every product image, page by page. */
async function* imageKeys(logoKey: string | null, pages: AsyncIterable<Product[]>): AsyncGenerator<string> {
  if (logoKey) yield logoKey;
  for await (const page of pages) for (const product of page) yield* imageFileKeys(product.images);
}

/**
 * The archive's entries. Products and orders are never all in memory: each entry that lists them
 * pages through the repository (newest first) as it is written, one page at a time, and so reads
 * the table again (images, then JSON, then CSV). Every pass stops at the rows that existed when
 * the export started (by id: ids are time-ordered), so the files agree with each other.
 */
async function* exportEntries(context: ExportContext, head: ExportHead, at: Date, upTo: string): AsyncGenerator<ZipEntry> {
  const { persistence } = context;
  const storeId = head.store.id;
  const products = () => listPages((after, limit) => persistence.products.list(storeId, { limit, after }), upTo);
  const orders = () => listPages((after, limit) => persistence.orders.list(storeId, { limit, after }), upTo);
  yield { name: 'README.txt', data: exportReadme({ storeName: head.store.name, generatedAt: at.toISOString() }), modified: at };
  yield json('account.json', head.account, at);
  yield json('categories.json', head.categories, at);
  // Images go first, so the JSON after them can say which made it into the archive.
  const files = new Map<string, string>();
  const logoKey = uploadedLogoKey(head.store);
  yield* imageEntries(context.images, imageKeys(logoKey, products()), files, at);
  const fileOf = (key: string) => files.get(key) ?? null;
  yield json('store.json', { ...head.store, logoFile: logoKey ? fileOf(logoKey) : null }, at);
  const exportedProduct = (p: Product) => ({
    ...p,
    images: p.images.map((image) => ({
      url: image.url,
      file: fileOf(image.key),
      width: image.width,
      height: image.height,
      files: imageFileKeys([image]).map(fileOf).filter((file) => file !== null),
    })),
  });
  yield { name: 'products.json', data: jsonArray(products(), exportedProduct), modified: at };
  yield { name: 'products.csv', data: productsCsv(products(), head.categories, head.store.currency, fileOf), modified: at };
  yield { name: 'orders.json', data: jsonArray(orders(), exportedOrder), modified: at };
  yield { name: 'orders.csv', data: ordersCsv(orders()), modified: at };
}

/** `exportAccount` with its idle timeout chosen (tests shorten it). */
export async function startExport(
  context: ExportContext,
  principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>,
  { idleMs }: { idleMs: number },
): Promise<{ filename: string; stream: Readable }> {
  // The slot first: an export refused for being one too many must not spend the hourly allowance.
  const release = takeExportSlot(principal.vendorId);
  try {
    await countExport(context, principal.vendorId);
    const head = await loadExportHead(context, principal);
    const generatedAt = context.clock.now();
    // Taken now, not when the reader first pulls; Date.now, not the context's clock, as ids are made from the real clock.
    const upTo = idCeiling(Date.now());
    const filename = `dukaan-${head.store.slug}-export-${generatedAt.toISOString().slice(0, 10)}.zip`;
    const chunks = zipChunks(exportEntries(context, head, generatedAt, upTo));
    return { filename, stream: guardedStream(chunks, { idleMs, onClose: release }) };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The vendor's data as one zip (README.txt says what each file holds): account, store, categories,
 * products and orders as JSON and CSV, and every product image and the logo. The archive is
 * produced as the stream is read, one page of rows at a time. At most `exportsPerHour` per vendor,
 * and `exportsAtOnce` per process, one of them per vendor (RateLimitedError). The slot is held
 * until the stream closes: read to the end, failed, destroyed (a client that went away), or left
 * unread for `exportIdleMs`. A database fault after the start cuts the stream off with the error.
 */
export async function exportAccount(context: ExportContext, principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>): Promise<{ filename: string; stream: Readable }> {
  return startExport(context, principal, { idleMs: exportIdleMs });
}
