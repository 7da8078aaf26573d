import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { NotFoundError, idempotencyKeySchema, type StoreView as CoreStoreView, maxQueryLength, maxSearchLimit, placeOrderSchema, searchProducts, toCustomerOrderView } from '@dukaan-kit/core';
import { clientOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { slugParams, trackingParams } from './params.js';
import { customerOrderBody, publicProductPageBody, publicStoreBody } from './response-schemas.js';

const orderHeaders = Joi.object({ 'idempotency-key': idempotencyKeySchema }).unknown();

// The core keeps one view object per store version in process, so its JSON is encoded once per
// version, not per request (with variants and photo srcsets it is tens of kilobytes per product page).
const encodedViews = new WeakMap<object, Buffer>();

function encodedView(view: object): Buffer {
  let body = encodedViews.get(view);
  if (!body) {
    body = Buffer.from(JSON.stringify(view), 'utf8');
    encodedViews.set(view, body);
  }
  return body;
}

/** Products per page of the public store for a store with more than this (a store at or under it is one answer, as ever). */
export const storeApiPageSize = 100;

/** A big store's page of the public store, as cached: its JSON (an object, so its encoding can be kept beside it). */
interface EncodedPage {
  json: string;
}

const encodedPages = new WeakMap<EncodedPage, Buffer>();

function encodedPage(page: EncodedPage): Buffer {
  let body = encodedPages.get(page);
  if (!body) {
    body = Buffer.from(page.json, 'utf8');
    encodedPages.set(page, body);
  }
  return body;
}

const apiPageName = (page: number) => `api:store:v1:${page}`;

/**
 * One page of a big store's public view: its store and categories as ever, `storeApiPageSize`
 * products in the store's order, and `productsPage` saying where the next page is. NOT_FOUND past
 * the last page.
 */
function storePage(runtime: Runtime, view: CoreStoreView, page: number): EncodedPage {
  const total = view.products.length;
  const pages = Math.max(1, Math.ceil(total / storeApiPageSize));
  if (page > pages) throw new NotFoundError('No such page of products in this store');
  const products = view.products.slice((page - 1) * storeApiPageSize, page * storeApiPageSize);
  const next = page < pages ? `${runtime.prefix}/api/v1/stores/${view.store.slug}?page=${page + 1}` : null;
  return { json: JSON.stringify({ ...view, products, productsPage: { page, pageSize: storeApiPageSize, total, next } }) };
}

async function storeHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const page = (request.query as { page?: number }).page ?? 1;
  const type = 'application/json; charset=utf-8';
  // A big store's page already encoded in process: no look at its view (tens of MB at 5,000 products).
  const hit = runtime.dukaan.storefront.peekCached<EncodedPage>(slug, apiPageName(page));
  if (hit) return h.response(encodedPage(hit.value)).type(type);
  const { storeId, currentSlug } = await runtime.dukaan.storefront.resolveSlug(slug);
  if (currentSlug !== slug) return h.redirect(`${runtime.prefix}/api/v1/stores/${currentSlug}${request.url.search}`).code(301);
  // A small store's answer is its view, which this process usually holds. A big store's view fits
  // no cache layer: without it in process, its page is looked for in either cache layer before
  // the view is read, or every lapse of local trust would read the whole catalogue.
  let view = runtime.dukaan.storefront.peekViewById(storeId);
  if (!view) {
    const cachedPage = await runtime.dukaan.storefront.cachedIfPresent<EncodedPage>(storeId, apiPageName(page));
    if (cachedPage) return h.response(encodedPage(cachedPage)).type(type);
    view = await runtime.dukaan.storefront.viewById(storeId);
  }
  // A store at or under one page answers as it always has: the whole view, no paging fields.
  if (view.products.length <= storeApiPageSize) {
    if (page > 1) throw new NotFoundError('No such page of products in this store');
    return h.response(encodedView(view)).type(type);
  }
  const encoded = await runtime.dukaan.storefront.cached(view.store.id, apiPageName(page), async () => storePage(runtime, view, page));
  return h.response(encodedPage(encoded)).type(type);
}

/** `?page=` of the public store: only a big store has more than the first. */
const storeQuery = Joi.object({ page: Joi.number().integer().min(1).max(99_999).label('page') });

/** What a client may ask the product search; the words' other limits (at most 8) are core's. */
const productSearchQuery = Joi.object({
  q: Joi.string().max(maxQueryLength).allow('').pattern(/^[^\0]*$/, 'text without NUL bytes').label('q'),
  category: Joi.string().guid().label('category'),
  cursor: Joi.string().max(64).pattern(/^[\w-]+$/, 'cursor').label('cursor'),
  limit: Joi.number().integer().min(1).max(maxSearchLimit).label('limit'),
});

/**
 * One page of the store's products matching a search, sold-out last, from the cached store view
 * (no query per search). An earlier store slug answers 301 with the query kept.
 */
async function productSearchHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const { view, currentSlug } = await runtime.dukaan.storefront.view(slug);
  if (currentSlug !== slug) return h.redirect(`${runtime.prefix}/api/v1/stores/${currentSlug}/products${request.url.search}`).code(301);
  const query = request.query as { q?: string; category?: string; cursor?: string; limit?: number };
  const categoryId = query.category?.toLowerCase() ?? null;
  if (categoryId !== null && !view.categories.some((c) => c.id === categoryId)) throw new NotFoundError('No such category in this store');
  return searchProducts(view, { q: query.q, categoryId, cursor: query.cursor, limit: query.limit });
}

/** The one checkout path (the page form calls it too); core counts new orders per client address. */
async function placeOrderHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
  const { order, created } = await runtime.dukaan.orders.place(request.params['slug'] as string, request.payload, {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    clientAddress: clientOf(runtime, request),
  });
  return h.response(toCustomerOrderView(order)).code(created ? 201 : 200);
}

async function trackingHandler(runtime: Runtime, request: Request) {
  return toCustomerOrderView(await runtime.dukaan.orders.getByToken(request.params['slug'] as string, request.params['token'] as string));
}

const noStore = 'NOT_FOUND: no store at this slug';

/** What customers reach through the store link. */
export function storefrontRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}',
      description: `The public store: settings, categories, active products. A store of more than ${storeApiPageSize} products answers them ${storeApiPageSize} a page (\`?page=\`, from 1) with \`productsPage\` (page, pageSize, total, next: the next page's path or null); a smaller store answers them all, without \`productsPage\``,
      auth: false,
      params: slugParams,
      query: storeQuery,
      responses: {
        ok: { 200: { description: 'The store', body: publicStoreBody }, 301: { description: 'An earlier slug: the store moved', body: null, headers: { location: 'The current URL' } } },
        errors: { 400: 'VALIDATION_FAILED: page is not a whole number from 1', 404: `${noStore}, or no such page of its products` },
      },
      handler: (request, h) => storeHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}/products',
      description:
        "Search the store's active products: every word of `q` in the name, description or a variant's SKU (any case), optionally in one `category`; in-stock products first, then sold-out ones, each in the store's order. Pages of `limit` (default 48, at most 100); pass `nextCursor` back as `cursor` for the next",
      auth: false,
      params: slugParams,
      query: productSearchQuery,
      responses: {
        ok: { 200: { description: 'One page of matching products', body: publicProductPageBody }, 301: { description: 'An earlier slug: the store moved', body: null, headers: { location: 'The current URL' } } },
        errors: { 400: 'VALIDATION_FAILED: a query value out of range, or a cursor this API did not give out', 404: 'NOT_FOUND: no store at this slug, or no such category in it' },
      },
      handler: (request, h) => productSearchHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/stores/{slug}/orders',
      description:
        'Place an order, paid by `paymentMethod`: `cod` (cash on delivery) or `upi` (to the store UPI ID; the order page shows the link), one the store offers (400 on path paymentMethod otherwise). Send an Idempotency-Key so a retry returns the same order, and expectedTotal (the total shown) so a changed price is refused instead of charged',
      auth: false,
      private: true,
      params: slugParams,
      headers: orderHeaders,
      payload: placeOrderSchema,
      responses: {
        ok: { 201: { description: 'The order, placed', body: customerOrderBody }, 200: { description: 'The order placed earlier with this Idempotency-Key and body', body: customerOrderBody } },
        errors: {
          400: 'VALIDATION_FAILED (also for a payment method the store does not offer), BAD_REQUEST, or BELOW_MINIMUM_ORDER (the subtotal is under the store minimum)',
          404: noStore,
          409: 'OUT_OF_STOCK, STORE_CLOSED, IDEMPOTENCY_KEY_REUSED (the key came with another body), or PRICE_CHANGED (details: the new quote; nothing was placed)',
          429: 'RATE_LIMITED: too many new orders from this address',
        },
      },
      handler: (request, h) => placeOrderHandler(runtime, request, h),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}/orders/{token}',
      description: "The customer's view of their order",
      auth: false,
      private: true,
      params: trackingParams,
      responses: { ok: { 200: { description: 'The order', body: customerOrderBody } }, errors: { 404: 'NOT_FOUND: no such order at this store' } },
      handler: (request) => trackingHandler(runtime, request),
    }),
  ];
}
