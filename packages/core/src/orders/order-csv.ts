import { variantLabel } from '../catalog/variant-summary.js';
import { spreadsheetCsv, type Cell } from '../accounts/export/export-csv.js';
import { moneyInputValue } from '../pricing/format.js';
import { localDateTime } from '../shared/time-zone.js';
import type { Order } from './order.js';

/**
 * A phone as a spreadsheet keeps it: Excel and Google Sheets read `+919876543210` as the number
 * 919876543210 (shown as 9.19877E+11); with spaces it stays text. Indian mobiles get their usual
 * grouping; other numbers are left as stored.
 */
export function spreadsheetPhone(phone: string): string {
  const indian = /^\+91(\d{5})(\d{5})$/.exec(phone);
  return indian ? `+91 ${indian[1]} ${indian[2]}` : phone;
}

/** The lines of an order in one cell: `Masala chai × 2; Samosa × 3`. */
export function itemsSummary(order: Order): string {
  return order.items.map((line) => `${variantLabel(line.name, line.options)} × ${line.quantity}`).join('; ');
}

/** The header row; the time zone is named, since the file travels without it. */
export function orderCsvColumns(timeZone: string): string[] {
  return [
    'Order number', `Placed (${timeZone})`, 'Status', 'Customer', 'Phone', 'Email', 'Address', 'PIN code', 'Items', 'Quantity',
    'Subtotal', 'Delivery fee', 'Total', 'Currency', 'Payment method', 'Payment status', 'Payment reference', 'Note', 'Order ID',
  ];
}

/**
 * One order as one row. Amounts are plain decimals in major units (`249.00`, never paise or a
 * currency sign), so a spreadsheet sums them; the currency has its own column. The payment's
 * status and reference follow its method.
 */
export function orderCsvRow(order: Order, timeZone: string): Cell[] {
  const money = (minor: number) => moneyInputValue(minor, order.currency);
  return [
    order.number,
    localDateTime(new Date(order.createdAt), timeZone),
    order.status,
    order.customer.name,
    spreadsheetPhone(order.customer.phone),
    order.customer.email,
    order.customer.address,
    order.customer.pincode,
    itemsSummary(order),
    order.items.reduce((sum, line) => sum + line.quantity, 0),
    money(order.subtotal),
    money(order.deliveryFee),
    money(order.total),
    order.currency,
    order.payment.method,
    order.payment.status,
    order.payment.reference,
    order.note,
    order.id,
  ];
}

/**
 * The orders of `pages` as a CSV file for Excel and Google Sheets: a UTF-8 byte order mark (or
 * Excel reads the UTF-8 of names in any script as Latin-1), CRLF line ends, a header row, one
 * row per order, and every cell passed through the data export's `spreadsheetSafe`, so a customer
 * named `=HYPERLINK(…)` is text, not a formula. Written by csv-stringify as the rows are pulled:
 * a page of orders is read only when the text before it has been taken.
 */
export async function* orderCsv(pages: AsyncIterable<Order[]>, timeZone: string): AsyncGenerator<Buffer> {
  async function* rows(): AsyncGenerator<Cell[]> {
    for await (const page of pages) for (const order of page) yield orderCsvRow(order, timeZone);
  }
  // An error on either side (a failed query) ends the loop with it; a consumer that stops early
  // ends the generator, which stops the queries.
  for await (const chunk of spreadsheetCsv(orderCsvColumns(timeZone), rows())) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}
