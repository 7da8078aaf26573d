import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { categoryCreateSchema, categoryUpdateSchema, type Category } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { categoryBody, categoryListBody } from './response-schemas.js';

import { idParams } from './params.js';

function present({ id, name, position }: Category) {
  return { id, name, position };
}

/** The handlers of the category routes, each named for what it does. */
function categoryHandlers(runtime: Runtime) {
  const { catalog } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params.id as string;
  return {
    list: async (request: Request) => ({ items: (await catalog.listCategories(storeOf(request))).map(present) }),
    create: async (request: Request, h: ResponseToolkit) => h.response(present(await catalog.createCategory(storeOf(request), request.payload))).code(201),
    update: async (request: Request) => present(await catalog.updateCategory(storeOf(request), idOf(request), request.payload)),
    async remove(request: Request, h: ResponseToolkit) {
      await catalog.deleteCategory(storeOf(request), idOf(request));
      return h.response().code(204);
    },
  };
}

/** Categories of the vendor's store, in display order: one row per route, over the named handlers above. */
export function categoryRoutes(runtime: Runtime): ServerRoute[] {
  const handle = categoryHandlers(runtime);
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/categories',
      description: 'List categories in position order',
      auth: true,
      responses: { ok: { 200: { description: 'The categories', body: categoryListBody } } },
      handler: handle.list,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/categories',
      description: 'Create a category',
      auth: true,
      responses: { ok: { 201: { description: 'The new category', body: categoryBody } }, errors: { 409: 'CONFLICT: the name is taken' } },
      payload: categoryCreateSchema,
      handler: handle.create,
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/categories/{id}',
      description: 'Rename or move a category',
      auth: true,
      responses: { ok: { 200: { description: 'The changed category', body: categoryBody } }, errors: { 404: 'NOT_FOUND: no such category in this store', 409: 'CONFLICT: the name is taken' } },
      params: idParams,
      payload: categoryUpdateSchema,
      handler: handle.update,
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/categories/{id}',
      description: 'Delete a category (its products stay, uncategorised)',
      auth: true,
      responses: { ok: { 204: { description: 'Deleted', body: null } }, errors: { 404: 'NOT_FOUND: no such category in this store' } },
      params: idParams,
      handler: handle.remove,
    }),
  ];
}
