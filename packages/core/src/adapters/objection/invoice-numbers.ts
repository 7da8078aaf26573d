import type { Knex } from 'knex';
import type { OrderInvoice } from '../../orders/order.js';

/**
 * Takes the next invoice number of the store's financial year with one upsert: the first
 * acceptance of a year creates the counter, later ones increment it. The counter row stays
 * locked until commit (PostgreSQL) or the write transaction holds the database (SQLite), so
 * concurrent acceptances queue and a rollback gives the number back: no gaps, no repeats.
 * The order keeps an invoice it already has (`invoice_number IS NULL` guard).
 */
export async function assignInvoiceNumber(db: Knex, storeId: string, orderId: string, financialYear: string, at: string): Promise<OrderInvoice> {
  const existing = (await db('orders')
    .where({ store_id: storeId, id: orderId })
    .whereNotNull('invoice_number')
    .first('invoice_number', 'invoice_financial_year', 'invoiced_at')) as { invoice_number: number; invoice_financial_year: string; invoiced_at: string } | undefined;
  if (existing) return { number: Number(existing.invoice_number), financialYear: existing.invoice_financial_year, issuedAt: existing.invoiced_at };
  const rows = (await db('invoice_counters')
    .insert({ store_id: storeId, financial_year: financialYear, next_number: 2 })
    .onConflict(['store_id', 'financial_year'])
    .merge({ next_number: db.raw('?? + 1', ['invoice_counters.next_number']) })
    .returning('next_number')) as { next_number: number | string }[];
  const next = rows[0]?.next_number;
  if (next === undefined) throw new Error('the invoice counter upsert returned no row');
  const number = Number(next) - 1;
  await db('orders').where({ store_id: storeId, id: orderId }).update({ invoice_number: number, invoice_financial_year: financialYear, invoiced_at: at });
  return { number, financialYear, issuedAt: at };
}
