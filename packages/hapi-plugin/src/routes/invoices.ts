import type { Request, ResponseObject, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { invoicePdf, noInvoiceYet, requireInvoice, type InvoiceData, type Order, type Store } from '@dukaan-kit/core';
import { renderPage, type InvoiceFormat, type PageContext, type PageView } from '@dukaan-kit/storefront-ui';
import { attachment } from '../download.js';
import { bareContext } from '../pages/context.js';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { idParams } from './params.js';

/** How good a match `range` ("text/*", "text/html") is for `type`: 2 exact, 1 by family, 0 any, -1 none. */
function specificity(range: string, type: string): number {
  if (range === type) return 2;
  if (range === '*/*') return 0;
  return range.endsWith('/*') && type.startsWith(range.slice(0, -1)) ? 1 : -1;
}

/** The q-value the Accept header gives `type` by its most specific range (1 when there is no header). */
function qualityOf(accept: string, type: string): number {
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const s = specificity(range, type);
    if (s <= best.specificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    best = { specificity: s, q: q ? Number(q.slice(2)) || 0 : 1 };
  }
  return best.q;
}

/** HTML only when the client prefers it to PDF: no Accept, a tie or anything else gets the PDF (the document of record). */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return qualityOf(accept, 'text/html') > qualityOf(accept, 'application/pdf');
}

function acceptOf(request: Request): string | undefined {
  const accept: unknown = request.headers['accept'];
  return typeof accept === 'string' ? accept : undefined;
}

/** `?format=receipt` asks for the 80 mm receipt; anything else is the A4 page. */
export function formatOf(request: Request): InvoiceFormat {
  return request.query['format'] === 'receipt' ? 'receipt' : 'a4';
}

/** The invoice as a PDF download: personal data, so no cache may keep it. */
export async function pdfAnswer(h: ResponseToolkit, invoice: InvoiceData): Promise<ResponseObject> {
  return h
    .response(await invoicePdf(invoice))
    .type('application/pdf')
    .header('content-disposition', attachment(invoice.fileName))
    .header('cache-control', 'no-store, private');
}

/** Where the invoice page's links go: this page, its PDF, and back to the order. */
export interface InvoiceLinks {
  pageUrl: string;
  pdfUrl: string;
  backUrl: string;
  backLabel: string;
}

/** The vendor's links for an order: the dashboard's invoice page and order. */
export function vendorInvoiceLinks(orderId: string): InvoiceLinks {
  const base = `/dashboard/orders/${encodeURIComponent(orderId)}`;
  return { pageUrl: `${base}/invoice`, pdfUrl: `${base}/invoice.pdf`, backUrl: base, backLabel: 'Back to the order' };
}

/** The invoice page's view. */
export function invoiceView(ctx: PageContext, invoice: InvoiceData, format: InvoiceFormat, links: InvoiceLinks): PageView {
  return { page: 'invoice', props: { ctx, invoice, format, ...links } };
}

/** The store's order and its invoice; NotFoundError for another store's order, or one not accepted yet. */
export async function vendorInvoice(runtime: Runtime, storeId: string, orderId: string): Promise<{ order: Order; store: Store; invoice: InvoiceData }> {
  const order = await runtime.dukaan.orders.get(storeId, orderId);
  const store = await runtime.dukaan.stores.get(storeId);
  return { order, store, invoice: requireInvoice(order, store) };
}

const formatQuery = Joi.object({
  format: Joi.string().valid('a4', 'receipt').default('a4').description('The HTML page\'s print layout: an A4 sheet, or an 80 mm thermal receipt'),
});

/** The tax invoice of an accepted order, as PDF or as a printable page. */
export function invoiceRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders/{id}/invoice',
      description:
        'The tax invoice of an accepted order (numbered per store and financial year, April to March, e.g. 2026-27/1): seller with GSTIN, buyer, place of supply, HSN codes, CGST and SGST (or IGST), charges, discount, totals and the total in words. `Accept: application/pdf` (or none) gives an A4 PDF as an attachment (`invoice-2026-27-1.pdf`); `Accept: text/html` gives the printable page (`?format=receipt` for an 80 mm thermal receipt). The PDF uses a built-in font: ₹ is written "Rs." and characters outside Western European scripts print as "?"',
      auth: true,
      private: true,
      params: idParams,
      query: formatQuery,
      responses: {
        ok: { 200: { description: 'The invoice: a PDF by default, the HTML page when Accept prefers text/html', body: null, file: 'application/pdf', headers: { 'content-disposition': 'attachment; filename="invoice-<financial year>-<number>.pdf"' } } },
        errors: { 404: `NOT_FOUND: no such order in this store, or "${noInvoiceYet}"` },
      },
      async handler(request: Request, h: ResponseToolkit) {
        const id = request.params['id'] as string;
        const { store, invoice } = await vendorInvoice(runtime, principalOf(request).storeId, id);
        // One URL, two representations: a cache must not hand the PDF to a client that asked for HTML.
        if (!wantsHtml(acceptOf(request))) return (await pdfAnswer(h, invoice)).vary('accept');
        const ctx = { ...bareContext(runtime), timeZone: store.timeZone };
        return h.response(renderPage(invoiceView(ctx, invoice, formatOf(request), vendorInvoiceLinks(id)))).type('text/html; charset=utf-8').vary('accept');
      },
    }),
  ];
}
