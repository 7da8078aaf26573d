import type { Readable } from 'node:stream';
import type { Category } from '../catalog/category.js';
import type { Product } from '../catalog/product.js';
import type { CoreContext } from '../context.js';
import { NotFoundError, RateLimitedError } from '../errors.js';
import type { Order } from '../orders/order.js';
import type { Store, VendorPrincipal } from '../vendors/vendor.js';
import { ordersCsv, productsCsv } from './export/export-csv.js';
import { imageEntries } from './export/image-entries.js';
import { loadAll } from './export/load-all.js';
import { uploadedLogoKey } from './export/logo-key.js';
import { exportReadme } from './export/readme.js';
import { zipStream, type ZipEntry } from './zip-writer.js';

/** What an export reads: the database, the image files, the limit's counters and the time. */
export type ExportContext = Pick<CoreContext, 'persistence' | 'images' | 'counters' | 'clock'>;

/** Exports per vendor per hour: enough for anyone, and a stolen session cannot hammer the database with them. */
export const exportsPerHour = 10;
const hourMs = 3600_000;

async function countExport(context: ExportContext, vendorId: string): Promise<void> {
  const key = `export:vendor:${vendorId}`;
  const { count, resetInMs } = await context.counters.increment(key, hourMs);
  if (count <= exportsPerHour) return;
  // The refused attempt is given back, so the counter settles at the limit instead of growing.
  await context.counters.decrement(key);
  const minutes = Math.max(1, Math.ceil(resetInMs / 60_000));
  throw new RateLimitedError(`You can download your data ${exportsPerHour} times an hour; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, Math.max(1, Math.ceil(resetInMs / 1000)));
}

interface ExportData {
  account: { id: string; email: string; createdAt: string };
  store: Store;
  categories: Category[];
  products: Product[];
  orders: Order[];
}

/** Everything is read before the download starts, so a missing account or a database fault is a proper error, not a cut-off file. */
async function loadExportData({ persistence }: ExportContext, { vendorId, storeId }: Pick<VendorPrincipal, 'vendorId' | 'storeId'>): Promise<ExportData> {
  const [vendor, store] = await Promise.all([persistence.vendors.findById(vendorId), persistence.stores.findById(storeId)]);
  if (!vendor || !store || store.vendorId !== vendorId) throw new NotFoundError('Account not found');
  const categories = await persistence.categories.list(storeId);
  const products = await loadAll((after, limit) => persistence.products.list(storeId, { limit, after }));
  const orders = await loadAll((after, limit) => persistence.orders.list(storeId, { limit, after }));
  products.sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
  orders.sort((a, b) => a.number - b.number);
  // Picked field by field: the vendor record also holds the password hash, which never leaves core.
  return { account: { id: vendor.id, email: vendor.email, createdAt: vendor.createdAt }, store, categories, products, orders };
}

/** An order as exported: without the tracking link's secret and the idempotency internals. */
function exportedOrder(order: Order) {
  const { token: _token, idempotencyKey: _key, idempotencyFingerprint: _fingerprint, ...rest } = order;
  return rest;
}

const json = (name: string, value: unknown, modified: Date): ZipEntry => ({ name, data: `${JSON.stringify(value, null, 2)}\n`, modified });

async function* exportEntries(context: ExportContext, data: ExportData, generatedAt: Date): AsyncGenerator<ZipEntry> {
  const at = generatedAt;
  yield { name: 'README.txt', data: exportReadme({ storeName: data.store.name, generatedAt: generatedAt.toISOString() }), modified: at };
  yield json('account.json', data.account, at);
  yield json('categories.json', data.categories, at);
  // Images go first, so the JSON after them can say which made it into the archive.
  const files = new Map<string, string>();
  const logoKey = uploadedLogoKey(data.store);
  const keys = [...(logoKey ? [logoKey] : []), ...data.products.flatMap((p) => p.images.map((image) => image.key))];
  yield* imageEntries(context.images, keys, files, at);
  const fileOf = (key: string) => files.get(key) ?? null;
  yield json('store.json', { ...data.store, logoFile: logoKey ? fileOf(logoKey) : null }, at);
  const products = data.products.map((p) => ({ ...p, images: p.images.map((image) => ({ url: image.url, file: fileOf(image.key) })) }));
  yield json('products.json', products, at);
  yield { name: 'products.csv', data: productsCsv(data.products, data.categories, data.store.currency, fileOf), modified: at };
  yield json('orders.json', data.orders.map(exportedOrder), at);
  yield { name: 'orders.csv', data: ordersCsv(data.orders), modified: at };
}

/**
 * The vendor's data as one zip (README.txt says what each file holds): account, store, categories,
 * products and orders as JSON and CSV, and every product image and the logo. At most
 * `exportsPerHour` per vendor (RateLimitedError). The archive is produced as the stream is read.
 */
export async function exportAccount(context: ExportContext, principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>): Promise<{ filename: string; stream: Readable }> {
  await countExport(context, principal.vendorId);
  const data = await loadExportData(context, principal);
  const generatedAt = context.clock.now();
  const filename = `dukaan-${data.store.slug}-export-${generatedAt.toISOString().slice(0, 10)}.zip`;
  return { filename, stream: zipStream(exportEntries(context, data, generatedAt)) };
}
