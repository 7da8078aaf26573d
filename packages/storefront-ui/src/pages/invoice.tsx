import type { InvoiceData, InvoiceParty, InvoiceRow } from '@dukaan-kit/core';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { Document } from '../components/document.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** How the invoice page is laid out for printing: an A4 sheet, or an 80 mm thermal receipt roll. */
export type InvoiceFormat = 'a4' | 'receipt';

/** Props of the 'invoice' page (`/dashboard/orders/{id}/invoice`, `/{slug}/orders/{token}/invoice`). */
export interface InvoicePageProps {
  ctx: PageContext;
  invoice: InvoiceData;
  format: InvoiceFormat;
  /** App paths (the page adds the mount prefix): this page without a query, its PDF, and where "back" goes. */
  pageUrl: string;
  pdfUrl: string;
  backUrl: string;
  backLabel: string;
}

const paymentLabels: Record<InvoiceData['paymentMethod'], string> = { cod: 'Cash on delivery', upi: 'UPI' };

function Party({ heading, party }: { heading: string; party: InvoiceParty }) {
  return (
    <section class="invoice-party">
      <h2>{heading}</h2>
      <p class="invoice-party-name">{party.name}</p>
      <address>
        {party.addressLines.map((line) => (
          <span class="invoice-line">{line}</span>
        ))}
        {party.phone && <span class="invoice-line">Phone: {party.phone}</span>}
        {party.email && <span class="invoice-line">Email: {party.email}</span>}
      </address>
      {party.gstin && <p class="invoice-line">GSTIN: {party.gstin}</p>}
      {party.state && <p class="invoice-line">State: {party.state}</p>}
    </section>
  );
}

function Heading({ invoice }: { invoice: InvoiceData }) {
  return (
    <header class="invoice-head">
      <h1>{invoice.title}</h1>
      <dl class="invoice-meta">
        <dt>Invoice no.</dt>
        <dd>{invoice.number}</dd>
        <dt>Date</dt>
        <dd>{invoice.issuedOn}</dd>
        <dt>Order</dt>
        <dd>
          #{invoice.orderNumber} of {invoice.orderedOn}
        </dd>
      </dl>
    </header>
  );
}

/** Place of supply, reverse charge (a tax invoice must say), payment. */
function Facts({ invoice }: { invoice: InvoiceData }) {
  return (
    <dl class="invoice-facts">
      <dt>Place of supply</dt>
      <dd>{invoice.placeOfSupply ?? '—'}</dd>
      {invoice.supply !== 'none' && (
        <>
          <dt>Reverse charge</dt>
          <dd>No</dd>
        </>
      )}
      <dt>Payment</dt>
      <dd>{paymentLabels[invoice.paymentMethod]}</dd>
    </dl>
  );
}

/** The A4 table: one row per item and charge, with its HSN code and tax split. */
function RowsTable({ invoice }: { invoice: InvoiceData }) {
  const figure = (minor: number) => formatMoney(minor, invoice.currency);
  const gst = invoice.supply !== 'none';
  const intra = invoice.supply === 'intra';
  const discount = invoice.discount > 0;
  return (
    <table class="invoice-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Item</th>
          {gst && <th scope="col">HSN</th>}
          <th scope="col" class="num">Qty</th>
          <th scope="col" class="num">Rate</th>
          {discount && <th scope="col" class="num">Discount</th>}
          {gst && <th scope="col" class="num">Taxable value</th>}
          {gst && <th scope="col" class="num">GST %</th>}
          {gst && intra && <th scope="col" class="num">CGST</th>}
          {gst && intra && <th scope="col" class="num">SGST</th>}
          {gst && !intra && <th scope="col" class="num">IGST</th>}
          <th scope="col" class="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {[...invoice.lines, ...invoice.charges].map((row: InvoiceRow, i) => (
          <tr class={row.kind === 'item' ? undefined : 'invoice-charge'}>
            <td>{i + 1}</td>
            <td>{row.description}</td>
            {gst && <td>{row.hsnCode ?? ''}</td>}
            <td class="num">{row.quantity}</td>
            <td class="num">{figure(row.unitPrice)}</td>
            {discount && <td class="num">{row.discount > 0 ? figure(-row.discount) : ''}</td>}
            {gst && <td class="num">{figure(row.taxableValue)}</td>}
            {gst && <td class="num">{row.taxRate}</td>}
            {gst && intra && <td class="num">{figure(row.cgst)}</td>}
            {gst && intra && <td class="num">{figure(row.sgst)}</td>}
            {gst && !intra && <td class="num">{figure(row.igst)}</td>}
            <td class="num">{figure(row.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The receipt's lines: 72 mm has room for name, quantity × rate and amount; HSN and GST go under the name. */
function ReceiptRows({ invoice }: { invoice: InvoiceData }) {
  const figure = (minor: number) => formatMoney(minor, invoice.currency);
  return (
    <ul class="receipt-rows">
      {[...invoice.lines, ...invoice.charges].map((row) => (
        <li>
          <span class="receipt-name">{row.description}</span>
          <span class="receipt-amount">{figure(row.amount)}</span>
          <span class="receipt-detail">
            {row.quantity} × {figure(row.unitPrice)}
            {row.discount > 0 && ` − ${figure(row.discount)}`}
            {invoice.supply !== 'none' && ` · GST ${row.taxRate}%`}
            {row.hsnCode && ` · HSN ${row.hsnCode}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The amounts that add up to the grand total, then GST (inside it, or added), words and notes. */
function Totals({ invoice }: { invoice: InvoiceData }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const gst = invoice.supply !== 'none';
  return (
    <section class="invoice-totals" aria-label="Totals">
      <table>
        <tbody>
          <tr>
            <th scope="row">Items</th>
            <td class="num">{money(invoice.itemsSubtotal)}</td>
          </tr>
          {invoice.discount > 0 && (
            <tr>
              <th scope="row">Discount{invoice.couponCode ? ` (coupon ${invoice.couponCode})` : ''}</th>
              <td class="num">{money(-invoice.discount)}</td>
            </tr>
          )}
          {invoice.charges.map((c) => (
            <tr>
              <th scope="row">{c.description}</th>
              <td class="num">{money(c.gross)}</td>
            </tr>
          ))}
          {gst && !invoice.pricesIncludeTax && (
            <tr>
              <th scope="row">GST added</th>
              <td class="num">{money(invoice.taxTotal)}</td>
            </tr>
          )}
          <tr class="invoice-grand">
            <th scope="row">Grand total</th>
            <td class="num">{money(invoice.total)}</td>
          </tr>
        </tbody>
      </table>
      {gst && (
        <p class="invoice-tax">
          Taxable value {money(invoice.taxableValue)};{' '}
          {invoice.supply === 'intra' ? `CGST ${money(invoice.cgst)}, SGST ${money(invoice.sgst)}` : `IGST ${money(invoice.igst)}`}; total GST {money(invoice.taxTotal)}.{' '}
          {invoice.taxNote}.
        </p>
      )}
      <p class="invoice-words">Total in words: {invoice.totalInWords}</p>
      {invoice.buyerErased && <p class="invoice-note">The customer’s personal details were erased; the figures are kept for tax records.</p>}
      <p class="invoice-note">This is a computer-generated invoice and needs no signature.</p>
    </section>
  );
}

/**
 * A printable invoice. The toolbar (back, PDF, the other format) is for the screen only; the
 * print styles give A4 its sheet and the receipt its 80 mm roll (named @page rules in app.css).
 */
export function InvoicePage({ ctx, invoice, format, pageUrl, pdfUrl, backUrl, backLabel }: InvoicePageProps) {
  const href = (p: string) => withBase(ctx.basePath, p);
  const other = format === 'a4' ? { url: `${pageUrl}?format=receipt`, label: 'Receipt (80 mm)' } : { url: pageUrl, label: 'A4 page' };
  return (
    <Document ctx={ctx} meta={{ title: `${invoice.title} ${invoice.number}`, robots: 'noindex' }} bodyClass={`invoice-body invoice-${format}`}>
      <nav class="invoice-toolbar" aria-label="Invoice">
        <a href={href(backUrl)}>← {backLabel}</a>
        <a class="btn btn-primary btn-small" href={href(pdfUrl)} download={invoice.fileName}>
          Download PDF
        </a>
        <a class="btn btn-secondary btn-small" href={href(other.url)}>
          {other.label}
        </a>
        <span class="invoice-hint">Print with your browser’s Print command (Ctrl+P).</span>
      </nav>
      <main class={`invoice invoice-sheet-${format}`} id="main">
        <Heading invoice={invoice} />
        <div class="invoice-parties">
          <Party heading="Sold by" party={invoice.seller} />
          <Party heading={invoice.deliveryMethod === 'pickup' ? 'Bill to (collects from the store)' : 'Bill to / Ship to'} party={invoice.buyer} />
        </div>
        <Facts invoice={invoice} />
        {format === 'a4' ? <RowsTable invoice={invoice} /> : <ReceiptRows invoice={invoice} />}
        <Totals invoice={invoice} />
      </main>
    </Document>
  );
}
