import { Readable } from 'node:stream';
import type { CoreContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { localDate } from '../../shared/time-zone.js';
import { categoryNames, productCsvRows } from './product-csv-rows.js';
import { writeProductCsv } from './write-product-csv.js';

/** What exporting the catalogue reads. */
export type ProductExportContext = Pick<CoreContext, 'persistence' | 'clock'>;

export interface ProductExport {
  /** `products-<store slug>-<YYYY-MM-DD>.csv`, dated in the store's time zone. */
  filename: string;
  /** The CSV bytes, in the import's format. */
  stream: Readable;
}

/**
 * The whole catalogue (hidden products too), oldest product first, one row per variant, in the
 * format `importProducts` reads: exporting, importing into an empty store and exporting again
 * gives the same file. Read in one query: a catalogue is thousands of rows, not millions.
 */
export async function exportProducts(context: ProductExportContext, storeId: string): Promise<ProductExport> {
  const store = await context.persistence.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  const [products, categories] = await Promise.all([context.persistence.products.listAll(storeId), context.persistence.categories.list(storeId)]);
  const names = categoryNames(categories);
  const { currency } = store;
  function* rows(): Generator<string[]> {
    for (const product of products) yield* productCsvRows(product, names, currency);
  }
  return {
    filename: `products-${store.slug}-${localDate(context.clock.now(), store.timeZone)}.csv`,
    stream: Readable.from(writeProductCsv(rows()), { objectMode: false }),
  };
}
