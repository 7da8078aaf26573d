import type { Request, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { orderListSchema, orderStatusSchema, toVendorOrderView } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

const idParams = Joi.object({ id: Joi.string().max(64).required() });

/** The vendor's orders. */
export function orderRoutes(runtime: Runtime): ServerRoute[] {
  const { orders } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders',
      description: 'List orders, newest first, optionally by status',
      auth: true,
      query: orderListSchema,
      handler: async (request) => {
        const page = await orders.list(storeOf(request), request.query);
        return { items: page.items.map(toVendorOrderView), nextCursor: page.nextCursor };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders/{id}',
      description: 'One order with its status history',
      auth: true,
      params: idParams,
      handler: async (request) => toVendorOrderView(await orders.get(storeOf(request), request.params.id as string)),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/orders/{id}/status',
      description: 'Move an order to its next status',
      auth: true,
      params: idParams,
      payload: orderStatusSchema,
      handler: async (request) => toVendorOrderView(await orders.changeStatus(storeOf(request), request.params.id as string, request.payload)),
    }),
  ];
}
