import type { Request, ServerRoute } from '@hapi/hapi';
import { storeUpdateSchema } from '@dukaan-kit/core';
import { presentStore } from '../presenters.js';
import { baseUrl, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { storeBody } from './response-schemas.js';

/** The handlers of the store routes, each named for what it does. */
function storeHandlers(runtime: Runtime) {
  const { stores } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  return {
    get: async (request: Request) => presentStore(await stores.get(storeOf(request)), baseUrl(runtime, request)),
    update: async (request: Request) => presentStore(await stores.update(storeOf(request), request.payload), baseUrl(runtime, request)),
  };
}

/** The vendor's own store settings: one row per route, over the named handlers above. */
export function storeRoutes(runtime: Runtime): ServerRoute[] {
  const handle = storeHandlers(runtime);
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/store',
      description: "The vendor's store",
      auth: true,
      responses: { ok: { 200: { description: 'The store', body: storeBody } } },
      handler: handle.get,
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/store',
      description:
        'Change store settings; a changed slug keeps the old link redirecting. Payments: `paymentMethods` (cod, upi; at least one), `upiId` (name@bank; null or empty removes it; required while upi is offered, which also needs the INR currency), `timeZone` (IANA, e.g. Asia/Kolkata: the days of the order list filters and the CSV), `newOrderEmails` (an email per new order). Language: `locale` (en or hi), what customers see the store and get their order mails in until they choose one',
      auth: true,
      payload: storeUpdateSchema,
      responses: {
        ok: { 200: { description: 'The changed store', body: storeBody } },
        errors: {
          400: 'VALIDATION_FAILED: a field is not valid, or upi offered without a UPI ID or in a currency other than INR',
          409: 'CONFLICT: the slug is taken, or the currency cannot change once the store has products or orders',
        },
      },
      handler: handle.update,
    }),
  ];
}
