import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { idempotencyKeySchema, placeOrderSchema, toCustomerOrderView } from '@dukaan-kit/core';
import { clientOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { slugParams, trackingParams } from './params.js';
import { customerOrderBody, publicStoreBody } from './response-schemas.js';

const orderHeaders = Joi.object({ 'idempotency-key': idempotencyKeySchema }).unknown();

async function storeHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const { view, currentSlug } = await runtime.dukaan.storefront.view(slug);
  if (currentSlug !== slug) return h.redirect(`${runtime.prefix}/api/v1/stores/${currentSlug}`).code(301);
  return view;
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
