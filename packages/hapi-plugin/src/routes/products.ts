import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import {
  productCreateSchema,
  productListSchema,
  productUpdateSchema,
  stockAdjustmentSchema,
  toVendorProductView,
  type Product,
} from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { productBody, productListBody } from './response-schemas.js';

import { idParams } from './params.js';

/** The handlers of the product routes, each named for what it does. */
function productHandlers(runtime: Runtime) {
  const { catalog, stores } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params.id as string;
  const currencyOf = async (request: Request) => (await stores.get(storeOf(request))).currency;
  /** A product as the API answers it, beside its store's currency. */
  const present = async (request: Request, product: Product) => toVendorProductView(product, await currencyOf(request));
  return {
    async list(request: Request) {
      const [page, currency] = await Promise.all([catalog.listProducts(storeOf(request), request.query), currencyOf(request)]);
      return { items: page.items.map((p) => toVendorProductView(p, currency)), nextCursor: page.nextCursor };
    },
    async create(request: Request, h: ResponseToolkit) {
      const product = await catalog.createProduct(storeOf(request), request.payload);
      return h.response(await present(request, product)).code(201);
    },
    get: async (request: Request) => present(request, await catalog.getProduct(storeOf(request), idOf(request))),
    update: async (request: Request) => present(request, await catalog.updateProduct(storeOf(request), idOf(request), request.payload)),
    async remove(request: Request, h: ResponseToolkit) {
      await catalog.deleteProduct(storeOf(request), idOf(request));
      return h.response().code(204);
    },
    adjustStock: async (request: Request) => present(request, await catalog.adjustStock(storeOf(request), idOf(request), request.payload)),
  };
}

const noSuchProduct = { 404: 'NOT_FOUND: no such product in this store' };
const skuTaken = { 409: 'CONFLICT: a SKU (of any variant) or the link (slug) is taken in this store' };

/** The vendor's catalogue: one row per route, over the named handlers above. */
export function productRoutes(runtime: Runtime): ServerRoute[] {
  const handle = productHandlers(runtime);
  const one = (description: string, status = 200) => ({ [status]: { description, body: productBody } });
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/products',
      description: 'List products, newest first, with search, filters and a cursor',
      auth: true,
      responses: { ok: { 200: { description: 'A page of products', body: productListBody } } },
      query: productListSchema,
      handler: handle.list,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/products',
      description: 'Create a product: without options, price/stock/sku are its own; with options (up to 3), list every variant sold',
      auth: true,
      responses: { ok: one('The new product', 201), errors: skuTaken },
      payload: productCreateSchema,
      handler: handle.create,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/products/{id}',
      description: 'One product',
      auth: true,
      responses: { ok: one('The product'), errors: noSuchProduct },
      params: idParams,
      handler: handle.get,
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/products/{id}',
      description: 'Change a product (active: false hides it); variants, when sent, replace the list (ids kept are updated); a rename moves the slug and the old one redirects',
      auth: true,
      responses: { ok: one('The changed product'), errors: { ...noSuchProduct, ...skuTaken } },
      params: idParams,
      payload: productUpdateSchema,
      handler: handle.update,
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/products/{id}',
      description: 'Delete a product; past orders keep their lines',
      auth: true,
      responses: { ok: { 204: { description: 'Deleted', body: null } }, errors: noSuchProduct },
      params: idParams,
      handler: handle.remove,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/{id}/stock',
      description: 'Add to (or, negative, take from) a tracked stock; variantId names the variant of a product with options',
      auth: true,
      responses: { ok: one('The product'), errors: noSuchProduct },
      params: idParams,
      payload: stockAdjustmentSchema,
      handler: handle.adjustStock,
    }),
  ];
}
