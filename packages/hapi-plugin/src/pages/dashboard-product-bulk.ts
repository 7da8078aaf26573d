import type { Request, ResponseObject, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { ConflictError, NotFoundError, ValidationFailedError, maxBulkIds, type BulkAction, type Product } from '@dukaan-kit/core';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { idOf, idShape, privateHtml, storeIdOf } from './dashboard-page.js';
import { notFound, pageRoute } from './define.js';
import { field, fields, optionalInteger, safeNext } from './forms.js';

const productGone = 'This product does not exist, or it belongs to another store.';
const actions: ReadonlySet<string> = new Set<BulkAction>(['show', 'hide', 'set-stock', 'move-category', 'delete']);

/**
 * The list page the form was on (its filters and page kept), taken from the form only when it is
 * a path of the product list under the prefix; the list otherwise. Never another site.
 */
function listPath(runtime: Runtime, request: Request): string {
  const list = `${runtime.prefix}/dashboard/products`;
  const asked = safeNext(runtime.prefix, field(request.payload, 'back'));
  return asked && (asked === list || asked.startsWith(`${list}?`)) ? asked : list;
}

/** The list page again, with the one-off message `done` names. */
function backTo(runtime: Runtime, request: Request, done: string): string {
  const url = new URL(listPath(runtime, request), 'http://dukaan.invalid');
  url.searchParams.set('done', done);
  return `${url.pathname}${url.search}`;
}

function goBack(runtime: Runtime, request: Request, h: ResponseToolkit, done: string): ResponseObject {
  return h.redirect(backTo(runtime, request, done)).code(303);
}

/** The list again with a message: a bulk change the core (or this form) refused. */
async function refusedPage(runtime: Runtime, request: Request, h: ResponseToolkit, message: string, status = 400): Promise<ResponseObject> {
  const { ctx, store } = await vendorPage(runtime, request, h, { flash: message });
  const { catalog } = runtime.dukaan;
  const [page, categories] = await Promise.all([catalog.listProducts(store.id, { limit: 20 }), catalog.listCategories(store.id)]);
  return privateHtml(h, { page: 'products', props: { ctx, currency: store.currency, products: page.items, categories, nextCursor: page.nextCursor } }, status);
}

/** The first message of a core refusal a person can act on. */
function refusal(error: unknown): string {
  if (error instanceof ValidationFailedError || error instanceof ConflictError) return error.details[0]?.message ?? error.message;
  throw error;
}

/** The ticked products' ids (well-formed ones only; the core checks they are the store's). */
function selectedIds(request: Request): string[] {
  return [...new Set(fields(request.payload, 'ids').filter((id) => idShape.test(id)))];
}

/** The products to ask about before deleting: the store's own among the ticked ones. */
async function ownProducts(runtime: Runtime, storeId: string, ids: string[]): Promise<Product[]> {
  const found = await Promise.all(ids.map((id) => runtime.dukaan.catalog.getProduct(storeId, id).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))));
  return found.filter((p): p is Product => p !== null);
}

async function bulk(runtime: Runtime, request: Request, h: ResponseToolkit): Promise<ResponseObject> {
  const storeId = storeIdOf(request);
  const action = field(request.payload, 'action');
  const ids = selectedIds(request);
  if (!actions.has(action)) return refusedPage(runtime, request, h, 'Choose what to do with the ticked products.');
  if (ids.length === 0) return refusedPage(runtime, request, h, 'Tick at least one product first.');
  if (ids.length > maxBulkIds) return refusedPage(runtime, request, h, `Tick at most ${maxBulkIds} products at a time.`);
  const input: Record<string, unknown> = { action, ids };
  if (action === 'set-stock') {
    const stock = optionalInteger(field(request.payload, 'stock'));
    if (stock === undefined || stock === null) return refusedPage(runtime, request, h, 'Enter the stock as a whole number, like 10.');
    input['stock'] = stock;
  }
  if (action === 'move-category') {
    const categoryId = field(request.payload, 'categoryId');
    input['categoryId'] = categoryId === '' ? null : categoryId;
  }
  if (action === 'delete' && field(request.payload, 'confirm') !== 'yes') {
    const products = await ownProducts(runtime, storeId, ids);
    if (products.length === 0) return refusedPage(runtime, request, h, 'Those products are already gone.');
    const { ctx, store } = await vendorPage(runtime, request, h);
    const back = listPath(runtime, request);
    return privateHtml(h, { page: 'products', props: { ctx, currency: store.currency, products: [], categories: [], nextCursor: null, confirmDelete: products, back } });
  }
  try {
    await runtime.dukaan.catalog.bulkProducts(storeId, input);
  } catch (error) {
    return refusedPage(runtime, request, h, refusal(error));
  }
  return goBack(runtime, request, h, action === 'delete' ? 'deleted' : 'saved');
}

/** One product's switch from its row: visibility, or (sold one way) its stock. */
async function rowChange(runtime: Runtime, request: Request, h: ResponseToolkit, input: (request: Request) => Record<string, unknown> | string): Promise<ResponseObject> {
  const id = idOf(request, productGone);
  const change = input(request);
  if (typeof change === 'string') return refusedPage(runtime, request, h, change);
  let count: number;
  try {
    ({ count } = await runtime.dukaan.catalog.bulkProducts(storeIdOf(request), { ...change, ids: [id] }));
  } catch (error) {
    return refusedPage(runtime, request, h, refusal(error));
  }
  if (count === 0) throw notFound(productGone);
  return goBack(runtime, request, h, 'saved');
}

function visibilityInput(request: Request): Record<string, unknown> | string {
  const active = field(request.payload, 'active');
  if (active !== 'yes' && active !== 'no') return 'Choose whether to show or hide the product.';
  return { action: active === 'yes' ? 'show' : 'hide' };
}

function stockInput(request: Request): Record<string, unknown> | string {
  const stock = optionalInteger(field(request.payload, 'stock'));
  // An emptied box stops counting, as on the product form.
  if (stock === undefined) return 'Enter the stock as a whole number, or leave it empty to stop counting it.';
  return { action: 'set-stock', stock };
}

/** The list's bulk changes and the per-row switches: plain POST forms, so no JavaScript is needed. */
export function dashboardProductBulkRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/bulk', auth: 'vendor', handler: (request, h) => bulk(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/visibility', auth: 'vendor', handler: (request, h) => rowChange(runtime, request, h, visibilityInput) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/stock', auth: 'vendor', handler: (request, h) => rowChange(runtime, request, h, stockInput) }),
  ];
}
