import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { orderExportSchema, orderListSchema, orderStatusSchema, paymentChangeSchema, toVendorOrderView } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { download } from '../download.js';
import { apiRoute } from './define.js';
import { orderListBody, vendorOrderBody } from './response-schemas.js';

import { idParams } from './params.js';

/** The handlers of the order routes, each named for what it does. */
function orderHandlers(runtime: Runtime) {
  const { orders } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params.id as string;
  return {
    async list(request: Request) {
      const page = await orders.list(storeOf(request), request.query);
      return { items: page.items.map(toVendorOrderView), nextCursor: page.nextCursor };
    },
    /** The filtered list as a CSV download, streamed as core writes it; personal data, so no cache keeps it. */
    async exportCsv(request: Request, h: ResponseToolkit) {
      return download(h, await orders.export(storeOf(request), request.query), 'text/csv; charset=utf-8');
    },
    get: async (request: Request) => toVendorOrderView(await orders.get(storeOf(request), idOf(request))),
    changeStatus: async (request: Request) => toVendorOrderView(await orders.changeStatus(storeOf(request), idOf(request), request.payload)),
    changePayment: async (request: Request) => toVendorOrderView(await orders.changePayment(storeOf(request), idOf(request), request.payload)),
  };
}

/** The vendor's orders: one row per route, over the named handlers above. */
export function orderRoutes(runtime: Runtime): ServerRoute[] {
  const handle = orderHandlers(runtime);
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders',
      description:
        'List orders, newest first, filtered by `q` (an order number with or without #, part of the customer name in any case, or a phone number however written), `status`, `paymentStatus` (pending, paid, refunded), and `from`/`to` (YYYY-MM-DD days in the store time zone, the store setting `timeZone`, Asia/Kolkata by default; both included)',
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'A page of orders', body: orderListBody } }, errors: { 400: 'VALIDATION_FAILED: a date that is not a real YYYY-MM-DD day, or `to` before `from`' } },
      query: orderListSchema,
      handler: handle.list,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders/export',
      description:
        'Every order matching the list filters (`q`, `status`, `paymentStatus`, `from`, `to`; no paging) as one CSV file for Excel or Google Sheets: UTF-8 with a byte order mark, one row per order (items in one cell), amounts as decimals in rupees with the currency in its own column, payment method, status and reference, times as DD/MM/YYYY HH:mm in the store time zone; cells that would run as formulas start with an apostrophe',
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The CSV, as an attachment (Content-Disposition names the file)', body: null, file: 'text/csv', headers: { 'content-disposition': 'attachment; filename="orders-<slug>-<date>.csv"' } } },
        errors: { 400: 'VALIDATION_FAILED: a date that is not a real YYYY-MM-DD day, or `to` before `from`' },
      },
      query: orderExportSchema,
      handler: (request, h) => handle.exportCsv(request, h),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders/{id}',
      description: 'One order with its status history',
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'The order', body: vendorOrderBody } }, errors: { 404: 'NOT_FOUND: no such order in this store' } },
      params: idParams,
      handler: handle.get,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/orders/{id}/status',
      description:
        'Move an order to its next status: pending -> accepted -> shipped -> delivered, pending -> rejected, pending/accepted -> cancelled, shipped -> returned (stock comes back on reject, cancel and return). An optional `reason` (at most 200 characters, shown to the customer) is allowed on cancelled, rejected and returned only',
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The order', body: vendorOrderBody } },
        errors: {
          400: 'VALIDATION_FAILED: an unknown status, or a reason that is too long, or given with a move other than cancelled, rejected or returned',
          404: 'NOT_FOUND: no such order in this store',
          409: 'INVALID_TRANSITION: the order cannot move to that status',
        },
      },
      params: idParams,
      payload: orderStatusSchema,
      handler: handle.changeStatus,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/orders/{id}/payment',
      description:
        "Mark an order's payment: `paid` (from pending, e.g. once the UPI credit shows in the bank app; `reference`, at most 100 characters, notes the UPI transaction id) or `refunded` (a paid order that was cancelled, rejected or returned). Cash on delivery becomes paid by itself when the order is delivered. Records an order.payment_changed event",
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The order', body: vendorOrderBody } },
        errors: {
          400: 'VALIDATION_FAILED: a status other than paid or refunded, or a reference that is too long',
          404: 'NOT_FOUND: no such order in this store',
          409: 'INVALID_TRANSITION: the payment cannot make that move (already paid, not paid so nothing to refund, the order is not cancelled, rejected or returned, or another change got there first)',
        },
      },
      params: idParams,
      payload: paymentChangeSchema,
      handler: handle.changePayment,
    }),
  ];
}
