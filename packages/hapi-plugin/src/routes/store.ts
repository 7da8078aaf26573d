import type { ServerRoute } from '@hapi/hapi';
import { storeUpdateSchema } from '@dukaan-kit/core';
import { presentStore } from '../presenters.js';
import { baseUrl, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { storeBody } from './response-schemas.js';

/** The vendor's own store settings. */
export function storeRoutes(runtime: Runtime): ServerRoute[] {
  const { stores } = runtime.dukaan;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/store',
      description: "The vendor's store",
      auth: true,
      responses: { ok: { 200: { description: 'The store', body: storeBody } } },
      handler: async (request) => presentStore(await stores.get(principalOf(request).storeId), baseUrl(runtime, request)),
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/store',
      description: 'Change store settings; a changed slug keeps the old link redirecting',
      auth: true,
      payload: storeUpdateSchema,
      responses: { ok: { 200: { description: 'The changed store', body: storeBody } }, errors: { 409: 'CONFLICT: the slug is taken' } },
      handler: async (request) => presentStore(await stores.update(principalOf(request).storeId, request.payload), baseUrl(runtime, request)),
    }),
  ];
}
