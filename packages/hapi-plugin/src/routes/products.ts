import type { Request, ServerRoute } from '@hapi/hapi';
import { maxImageBytes, productCreateSchema, productListSchema, productUpdateSchema, stockAdjustmentSchema, ValidationFailedError } from '@dukaan-kit/core';
import { presentProduct } from '../presenters.js';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { imageBody, productBody, productListBody } from './response-schemas.js';

import { idParams } from './params.js';
/** Room for multipart boundaries and headers around a 5 MB image. */
export const maxUploadBytes = maxImageBytes + 64 * 1024;

/** The bytes of a multipart file field, or a VALIDATION_FAILED naming the field. */
export function uploadedFile(payload: unknown, field: string): Buffer {
  const value = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[field] : undefined;
  if (!Buffer.isBuffer(value)) {
    throw new ValidationFailedError('The image was not accepted', [{ path: field, message: `send the image as multipart form field "${field}"` }]);
  }
  return value;
}

/** The vendor's catalogue. */
export function productRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  const { catalog } = dukaan;
  const currencyOf = async (request: Request) => (await dukaan.stores.get(principalOf(request).storeId)).currency;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params.id as string;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/products',
      description: 'List products, newest first, with search, filters and a cursor',
      auth: true,
      responses: { ok: { 200: { description: 'A page of products', body: productListBody } } },
      query: productListSchema,
      handler: async (request) => {
        const [page, currency] = await Promise.all([catalog.listProducts(storeOf(request), request.query), currencyOf(request)]);
        return { items: page.items.map((p) => presentProduct(p, currency)), nextCursor: page.nextCursor };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/products',
      description: 'Create a product',
      auth: true,
      responses: { ok: { 201: { description: 'The new product', body: productBody } }, errors: { 409: 'CONFLICT: the SKU is taken' } },
      payload: productCreateSchema,
      handler: async (request, h) => {
        const product = await catalog.createProduct(storeOf(request), request.payload);
        return h.response(presentProduct(product, await currencyOf(request))).code(201);
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/products/{id}',
      description: 'One product',
      auth: true,
      responses: { ok: { 200: { description: 'The product', body: productBody } }, errors: { 404: 'NOT_FOUND: no such product in this store' } },
      params: idParams,
      handler: async (request) => presentProduct(await catalog.getProduct(storeOf(request), idOf(request)), await currencyOf(request)),
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/products/{id}',
      description: 'Change a product (active: false hides it)',
      auth: true,
      responses: { ok: { 200: { description: 'The changed product', body: productBody } }, errors: { 404: 'NOT_FOUND: no such product in this store', 409: 'CONFLICT: the SKU is taken' } },
      params: idParams,
      payload: productUpdateSchema,
      handler: async (request) =>
        presentProduct(await catalog.updateProduct(storeOf(request), idOf(request), request.payload), await currencyOf(request)),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/products/{id}',
      description: 'Delete a product; past orders keep their lines',
      auth: true,
      responses: { ok: { 204: { description: 'Deleted', body: null } }, errors: { 404: 'NOT_FOUND: no such product in this store' } },
      params: idParams,
      handler: async (request, h) => {
        await catalog.deleteProduct(storeOf(request), idOf(request));
        return h.response().code(204);
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/{id}/stock',
      description: 'Add to (or, negative, take from) a tracked stock',
      auth: true,
      responses: { ok: { 200: { description: 'The product', body: productBody } }, errors: { 404: 'NOT_FOUND: no such product in this store' } },
      params: idParams,
      payload: stockAdjustmentSchema,
      handler: async (request) =>
        presentProduct(await catalog.adjustStock(storeOf(request), idOf(request), request.payload), await currencyOf(request)),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/{id}/images',
      description: 'Upload an image (multipart field "file": JPEG, PNG or WebP, at most 5 MB)',
      auth: true,
      responses: { ok: { 201: { description: 'The image URL', body: imageBody } }, errors: { 404: 'NOT_FOUND: no such product in this store' } },
      params: idParams,
      payloadOptions: { allow: 'multipart/form-data', multipart: { output: 'data' }, output: 'data', parse: true, maxBytes: maxUploadBytes },
      handler: async (request, h) => {
        const { url } = await catalog.addProductImage(storeOf(request), idOf(request), uploadedFile(request.payload, 'file'));
        return h.response({ url }).code(201);
      },
    }),
  ];
}
