import type { ServerRoute } from '@hapi/hapi';
import { categoryCreateSchema, categoryUpdateSchema, type Category } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { categoryBody, categoryListBody } from './response-schemas.js';

import { idParams } from './params.js';

function present({ id, name, position }: Category) {
  return { id, name, position };
}

/** Categories of the vendor's store, in display order. */
export function categoryRoutes(runtime: Runtime): ServerRoute[] {
  const { catalog } = runtime.dukaan;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/categories',
      description: 'List categories in position order',
      auth: true,
      responses: { ok: { 200: { description: 'The categories', body: categoryListBody } } },
      handler: async (request) => ({ items: (await catalog.listCategories(principalOf(request).storeId)).map(present) }),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/categories',
      description: 'Create a category',
      auth: true,
      responses: { ok: { 201: { description: 'The new category', body: categoryBody } }, errors: { 409: 'CONFLICT: the name is taken' } },
      payload: categoryCreateSchema,
      handler: async (request, h) => h.response(present(await catalog.createCategory(principalOf(request).storeId, request.payload))).code(201),
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/categories/{id}',
      description: 'Rename or move a category',
      auth: true,
      responses: { ok: { 200: { description: 'The changed category', body: categoryBody } }, errors: { 404: 'NOT_FOUND: no such category in this store', 409: 'CONFLICT: the name is taken' } },
      params: idParams,
      payload: categoryUpdateSchema,
      handler: async (request) => present(await catalog.updateCategory(principalOf(request).storeId, request.params.id as string, request.payload)),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/categories/{id}',
      description: 'Delete a category (its products stay, uncategorised)',
      auth: true,
      responses: { ok: { 204: { description: 'Deleted', body: null } }, errors: { 404: 'NOT_FOUND: no such category in this store' } },
      params: idParams,
      handler: async (request, h) => {
        await catalog.deleteCategory(principalOf(request).storeId, request.params.id as string);
        return h.response().code(204);
      },
    }),
  ];
}
