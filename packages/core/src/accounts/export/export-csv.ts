import { variantLabel } from '../../catalog/variant-summary.js';
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Category } from '../../catalog/category.js';
import type { Product } from '../../catalog/product.js';
import type { Order } from '../../orders/order.js';
import { moneyInputValue } from '../../pricing/format.js';

/** One cell of a CSV row. */
export type Cell = string | number | boolean | null;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @ first; OWASP's CSV injection) gets a
 * leading apostrophe: customers type their own names and addresses at checkout. Plain numbers
 * and phone numbers ("+91 98765 43210") are left alone.
 */
export function spreadsheetSafe(value: Cell): Cell {
  if (typeof value !== 'string' || !/^[=+\-@\t\r]/.test(value) || /^[+-]?[\d\s().]+$/.test(value)) return value;
  return `'${value}`;
}

const noop = () => {};

/**
 * CSV for spreadsheets, with a header row, written by csv-stringify's stream as the rows are
 * pulled: the rows come page by page and are produced only as fast as the text is read. The byte
 * order mark makes Excel read the UTF-8 (names in any script) correctly, lines end in CRLF, and
 * every cell goes through `spreadsheetSafe`.
 */
export async function* spreadsheetCsv(columns: string[], rows: AsyncIterable<Cell[]>): AsyncGenerator<string | Buffer> {
  async function* safe(): AsyncGenerator<Cell[]> {
    for await (const row of rows) yield row.map(spreadsheetSafe);
  }
  const stringifier = stringify({ header: true, columns, bom: true, record_delimiter: 'windows', cast: { boolean: (value) => (value ? 'true' : 'false') } });
  // Started on the first pull, not before; an error on either side (a failed query) ends the
  // loop with it, and a consumer that stops early destroys the pipeline, which stops the rows.
  yield* pipeline(Readable.from(safe()), stringifier, noop) as AsyncIterable<string | Buffer>;
}

/** One row per product; money in major units of the store's currency ("499.50"). */
export function productsCsv(pages: AsyncIterable<Product[]>, categories: Category[], currency: string, imageFile: (key: string) => string | null): AsyncGenerator<string | Buffer> {
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const columns = ['id', 'name', 'sku', 'category', 'price', 'compare_at_price', 'currency', 'stock', 'active', 'position', 'description', 'image_files', 'created_at', 'updated_at'];
  async function* rows(): AsyncGenerator<Cell[]> {
    for await (const page of pages) {
      for (const p of page) {
        yield [
          p.id,
          p.name,
          p.sku,
          p.categoryId === null ? null : (categoryName.get(p.categoryId) ?? null),
          moneyInputValue(p.price, currency),
          moneyInputValue(p.compareAtPrice, currency),
          currency,
          p.stock,
          p.active,
          p.position,
          p.description,
          p.images.map((image) => imageFile(image.key)).filter((file) => file !== null).join(' '),
          p.createdAt,
          p.updatedAt,
        ];
      }
    }
  }
  return spreadsheetCsv(columns, rows());
}

/** The rows of one order: one per line, the order's own fields repeated on each. */
function orderRows(o: Order): Cell[][] {
  const money = (minor: number) => moneyInputValue(minor, o.currency);
  const head: Cell[] = [o.number, o.createdAt, o.status, o.customer.name, o.customer.phone, o.customer.email, o.customer.address, o.customer.pincode, o.note, o.paymentMethod, o.currency];
  const tail: Cell[] = [money(o.subtotal), money(o.deliveryFee), money(o.total), o.id];
  const lines = o.items.length > 0 ? o.items : [null];
  return lines.map((line): Cell[] => [...head, ...(line ? [line.productId, variantLabel(line.name, line.options), money(line.unitPrice), line.quantity, money(line.lineTotal)] : [null, null, null, null, null]), ...tail]);
}

/** One row per order line, the order's own fields repeated on each of its lines. */
export function ordersCsv(pages: AsyncIterable<Order[]>): AsyncGenerator<string | Buffer> {
  const columns = [
    'order_number', 'placed_at', 'status', 'customer_name', 'customer_phone', 'customer_email', 'customer_address', 'customer_pincode', 'note',
    'payment_method', 'currency', 'product_id', 'item_name', 'unit_price', 'quantity', 'line_total', 'subtotal', 'delivery_fee', 'total', 'order_id',
  ];
  async function* rows(): AsyncGenerator<Cell[]> {
    for await (const page of pages) for (const order of page) yield* orderRows(order);
  }
  return spreadsheetCsv(columns, rows());
}
