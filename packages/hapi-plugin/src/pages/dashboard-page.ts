import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import { NotFoundError, ValidationFailedError } from '@dukaan-kit/core';
import type { PageContext, PageView } from '@dukaan-kit/storefront-ui';
import { notFound, privatePage } from './define.js';

/** How many orders or products a dashboard list shows at once. */
export const pageSize = 20;

/** The shape of the ids the core makes. */
export const idShape = /^[0-9a-f-]{36}$/i;

/** A dashboard page as a response: the vendor's own data, so no cache may keep it. */
export function privateHtml(h: ResponseToolkit, view: PageView, status = 200): ResponseObject {
  return privatePage(h, view, status);
}

/** A one-off message as context for `vendorPage`, or nothing. */
export function flashContext(flash: string | undefined): Partial<PageContext> {
  return flash ? { flash } : {};
}

/** The signed-in vendor's store id. */
export function storeIdOf(request: Request): string {
  return (request.auth.credentials as unknown as { storeId: string }).storeId;
}

/** The `{id}` path parameter, or the 404 page when it cannot be an id. */
export function idOf(request: Request, message: string): string {
  const id = request.params['id'] as string;
  if (!idShape.test(id)) throw notFound(message);
  return id;
}

/** Another store's (or an unknown) id: the same friendly 404 as a missing page, never a hint that it exists. */
export async function orNotFound<T>(promise: Promise<T>, message: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError || (error instanceof ValidationFailedError && error.details.some((d) => d.path === 'id'))) throw notFound(message);
    throw error;
  }
}
