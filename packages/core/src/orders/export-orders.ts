import type { Readable } from 'node:stream';
import { exportIdleMs } from '../accounts/export-account.js';
import { guardedStream } from '../accounts/export/guarded-stream.js';
import { idCeiling, listPages } from '../accounts/export/pages.js';
import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { localDate } from '../shared/time-zone.js';
import { validate } from '../shared/validate.js';
import { orderCsv } from './order-csv.js';
import { orderFilters } from './order-filters.js';
import { orderExportSchema } from './schemas.js';

/** What exporting orders reads: the database and the time. */
export type OrderExportContext = Pick<CoreContext, 'persistence' | 'clock'>;

export interface OrderExport {
  /** `orders-<slug>-<YYYY-MM-DD>.csv`, dated in the store's time zone. */
  filename: string;
  /** The CSV bytes, produced as they are read. */
  stream: Readable;
}

/**
 * The store's orders matching the list's filters (`q`, `status`, `paymentStatus`, `from`, `to`;
 * days in the store's time zone, as are the file's times), newest first,
 * as a CSV file (see `orderCsv`). Bad filters are refused here, before any byte is sent. The
 * file is read from the repository one page (100 orders) at a time as the stream is read, never
 * whole, and stops at the orders that existed when it started (ids are time-ordered), so paging
 * cannot meet an order twice. A reader that takes nothing for `exportIdleMs` is cut off.
 */
export async function exportOrders(context: OrderExportContext, storeId: string, input: unknown): Promise<OrderExport> {
  const filters = validate(orderExportSchema, input ?? {});
  const store = await context.persistence.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  const { timeZone } = store;
  const query = orderFilters(filters, timeZone);
  // Date.now, not the context's clock: ids are made from the real clock.
  const upTo = idCeiling(Date.now());
  const pages = listPages((after, limit) => context.persistence.orders.list(storeId, { ...query, limit, after }), upTo);
  const filename = `orders-${store.slug}-${localDate(context.clock.now(), timeZone)}.csv`;
  return { filename, stream: guardedStream(orderCsv(pages, timeZone), { idleMs: exportIdleMs, onClose: () => {} }) };
}
