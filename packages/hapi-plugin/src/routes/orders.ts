import type { Request, ServerRoute } from '@hapi/hapi';
import { orderListSchema, orderStatusSchema, toVendorOrderView } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
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
    get: async (request: Request) => toVendorOrderView(await orders.get(storeOf(request), idOf(request))),
    changeStatus: async (request: Request) => toVendorOrderView(await orders.changeStatus(storeOf(request), idOf(request), request.payload)),
  };
}

/** The vendor's orders: one row per route, over the named handlers above. */
export function orderRoutes(runtime: Runtime): ServerRoute[] {
  const handle = orderHandlers(runtime);
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders',
      description: 'List orders, newest first, optionally by status',
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'A page of orders', body: orderListBody } } },
      query: orderListSchema,
      handler: handle.list,
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
      description: 'Move an order to its next status',
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The order', body: vendorOrderBody } },
        errors: { 404: 'NOT_FOUND: no such order in this store', 409: 'INVALID_TRANSITION: the order cannot move to that status' },
      },
      params: idParams,
      payload: orderStatusSchema,
      handler: handle.changeStatus,
    }),
  ];
}
