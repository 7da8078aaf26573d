import type { ServerRoute } from '@hapi/hapi';
import { storeUpdateSchema } from '@dukaan-kit/core';
import { presentStore } from '../presenters.js';
import { baseUrl, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

/** The vendor's own store settings. */
export function storeRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/store',
      description: "The vendor's store",
      auth: true,
      handler: async (request) => presentStore(await dukaan.vendors.getStore(principalOf(request).storeId), baseUrl(runtime, request)),
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/store',
      description: 'Change store settings; a changed slug keeps the old link redirecting',
      auth: true,
      payload: storeUpdateSchema,
      handler: async (request) =>
        presentStore(await dukaan.vendors.updateStore(principalOf(request).storeId, request.payload), baseUrl(runtime, request)),
    }),
  ];
}
