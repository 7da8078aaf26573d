import type { Request, ServerRoute } from '@hapi/hapi';
import { bulkProductsSchema } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { productBulkBody } from './response-schemas.js';

/** `POST /api/v1/products/bulk`: one change to up to 200 of the vendor's products. */
export function productBulkRoutes(runtime: Runtime): ServerRoute[] {
  const { catalog } = runtime.dukaan;
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/bulk',
      description:
        'Change many products at once: show, hide, set-stock (every variant; `stock` null stops counting), move-category (`categoryId`, null for none) or delete (with their pictures). At most 200 ids.',
      auth: true,
      responses: { ok: { 200: { description: 'How many products were changed', body: productBulkBody } } },
      payload: bulkProductsSchema,
      handler: (request: Request) => catalog.bulkProducts(principalOf(request).storeId, request.payload),
    }),
  ];
}
