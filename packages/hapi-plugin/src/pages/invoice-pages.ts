import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { NotFoundError, ValidationFailedError, requireInvoice } from '@dukaan-kit/core';
import { formatOf, invoiceView, pdfAnswer, vendorInvoiceLinks, type InvoiceLinks } from '../routes/invoices.js';
import type { Runtime } from '../runtime.js';
import { bareContext } from './context.js';
import { idOf, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { notFound, pageRoute, privatePage } from './define.js';
import { isResolved, storeForPage } from './store-lookup.js';

const orderGone = 'This order does not exist, or it belongs to another store.';
const trackingGone = 'We could not find this order. Please check the link you were given.';

/**
 * The signed-in store's invoice of order `{id}`. Another store's order or an unknown id is the
 * dashboard's usual 404; an order not accepted yet is a 404 that says so (core's message).
 */
async function vendorInvoiceOf(runtime: Runtime, request: Request) {
  const id = idOf(request, orderGone);
  const storeId = storeIdOf(request);
  const order = await orNotFound(runtime.dukaan.orders.get(storeId, id), orderGone);
  const store = await runtime.dukaan.stores.get(storeId);
  return { id, store, invoice: requireInvoice(order, store) };
}

async function vendorInvoicePage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { id, store, invoice } = await vendorInvoiceOf(runtime, request);
  // No forms and no navigation on the sheet: a bare context, dates in the store's zone.
  const ctx = { ...bareContext(runtime), timeZone: store.timeZone };
  return privateHtml(h, invoiceView(ctx, invoice, formatOf(request), vendorInvoiceLinks(id)));
}

/**
 * The invoice behind a customer's tracking link. The store is the link's (an earlier slug gets
 * the 301 to the current one); a wrong token is the order page's own 404.
 */
async function customerInvoice(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const token = request.params['token'] as string;
  const order = await runtime.dukaan.orders.getByToken(resolved.currentSlug, token).catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ValidationFailedError) throw notFound(trackingGone);
    throw error;
  });
  const store = await runtime.dukaan.stores.get(order.storeId);
  const base = `/${resolved.currentSlug}/orders/${encodeURIComponent(token)}`;
  const links: InvoiceLinks = { pageUrl: `${base}/invoice`, pdfUrl: `${base}/invoice.pdf`, backUrl: base, backLabel: 'Back to your order' };
  return { invoice: requireInvoice(order, store), store, links };
}

/** The vendor's and the customer's invoice pages and PDFs; personal data, so never cached. */
export function invoicePageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders/{id}/invoice', auth: 'vendor', handler: (request, h) => vendorInvoicePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders/{id}/invoice.pdf', auth: 'vendor', handler: async (request, h) => pdfAnswer(h, (await vendorInvoiceOf(runtime, request)).invoice) }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}/orders/{token}/invoice',
      handler: async (request, h) => {
        const found = await customerInvoice(runtime, request, h);
        if (!('invoice' in found)) return found;
        const ctx = { ...bareContext(runtime), timeZone: found.store.timeZone };
        return privatePage(h, invoiceView(ctx, found.invoice, formatOf(request), found.links));
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}/orders/{token}/invoice.pdf',
      handler: async (request, h) => {
        const found = await customerInvoice(runtime, request, h);
        return 'invoice' in found ? pdfAnswer(h, found.invoice) : found;
      },
    }),
  ];
}
