import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { customerEraseSchema, ForbiddenError } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { zipDownload } from '../download.js';
import { apiRoute } from './define.js';
import { customerErasedBody } from './response-schemas.js';

/**
 * Exports are limited per hour, and a session cookie (SameSite=Lax) rides along on a top-level
 * GET from another site, which could spend them all without the vendor knowing. Browsers say
 * where a request comes from in Sec-Fetch-Site: with a session cookie, only this origin (or the
 * vendor typing the address: `none`) may export. A bearer token is never sent by a browser on
 * its own, and an old browser without the header is let through (the dashboard's download is a
 * CSRF-checked post either way).
 */
function refuseCrossSiteWithCookie(request: Request): void {
  const site = request.headers['sec-fetch-site'];
  if (principalOf(request).via === 'session' && (site === 'cross-site' || site === 'same-site')) {
    throw new ForbiddenError('An export with the session cookie must come from this site; scripts use an API token');
  }
}

async function exportData(runtime: Runtime, request: Request, h: ResponseToolkit) {
  refuseCrossSiteWithCookie(request);
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
        errors: { 403: 'FORBIDDEN: a session cookie sent from another site (Sec-Fetch-Site cross-site or same-site)', 429: "RATE_LIMITED: too many exports this hour, or too many running at once (the vendor's previous one, or 2 per instance); see Retry-After" },
      },
      handler: (request, h) => exportData(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/customers/erase',
      description: "Erase one customer's personal data (name, phone, email, address, pincode, note) from the store's finished orders, found by phone or email; numbers, lines and totals stay for tax. Orders still open keep the details until they finish (the vendor needs them to deliver): erase again then",
      auth: true,
      private: true,
      payload: customerEraseSchema,
      responses: { ok: { 200: { description: 'How many finished orders were erased and how many open ones were kept (both 0 when none matched)', body: customerErasedBody } } },
      handler: (request) => eraseCustomer(runtime, request),
    }),
  ];
}
