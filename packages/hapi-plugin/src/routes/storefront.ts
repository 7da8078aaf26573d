import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { NotFoundError, idempotencyKeySchema, maxQueryLength, maxSearchLimit, placeOrderSchema, searchProducts, toCustomerOrderView } from '@dukaan-kit/core';
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

async function storeHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const { view, currentSlug } = await runtime.dukaan.storefront.view(slug);
  if (currentSlug !== slug) return h.redirect(`${runtime.prefix}/api/v1/stores/${currentSlug}`).code(301);
  return h.response(encodedView(view)).type('application/json; charset=utf-8');
}

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
      description: 'The public store: settings, categories, active products',
      auth: false,
      params: slugParams,
      responses: {
        ok: { 200: { description: 'The store', body: publicStoreBody }, 301: { description: 'An earlier slug: the store moved', body: null, headers: { location: 'The current URL' } } },
        errors: { 404: noStore },
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
