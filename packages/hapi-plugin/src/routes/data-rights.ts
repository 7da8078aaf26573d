import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { customerEraseSchema } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { zipDownload } from '../zip-download.js';
import { apiRoute } from './define.js';
import { customerErasedBody } from './response-schemas.js';

async function exportData(runtime: Runtime, request: Request, h: ResponseToolkit) {
  return zipDownload(h, await runtime.dukaan.vendors.exportData(principalOf(request)));
}

async function eraseCustomer(runtime: Runtime, request: Request) {
  return runtime.dukaan.orders.eraseCustomer(principalOf(request), request.payload);
}

/** The vendor's data rights: all of it as one zip, and erasing one customer's personal data on request. */
export function dataRightsRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/me/export',
      description: 'Everything of the account as one zip: store, catalogue, orders (JSON and CSV) and images',
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The zip, as an attachment (Content-Disposition names the file)', body: null, file: 'application/zip', headers: { 'content-disposition': 'attachment; filename="dukaan-<slug>-export-<date>.zip"' } } },
        errors: { 429: 'RATE_LIMITED: too many exports this hour' },
      },
      handler: (request, h) => exportData(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/customers/erase',
      description: "Erase one customer's personal data (name, phone, email, address) from the store's orders, found by phone or email; totals stay",
      auth: true,
      private: true,
      payload: customerEraseSchema,
      responses: { ok: { 200: { description: 'How many orders were erased (0 when none matched)', body: customerErasedBody } } },
      handler: (request) => eraseCustomer(runtime, request),
    }),
  ];
}
