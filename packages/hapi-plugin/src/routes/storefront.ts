import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { idempotencyKeySchema, placeOrderSchema, toCustomerOrderView } from '@dukaan-kit/core';
import { clientOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

const slugParams = Joi.object({ slug: Joi.string().max(64).required() });
const trackingParams = Joi.object({ slug: Joi.string().max(64).required(), token: Joi.string().max(64).required() });
const orderHeaders = Joi.object({ 'idempotency-key': idempotencyKeySchema }).unknown();

/** What customers reach through the store link. */
export function storefrontRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}',
      description: 'The public store: settings, categories, active products',
      auth: false,
      params: slugParams,
      handler: async (request, h) => {
        const slug = request.params.slug as string;
        const { view, currentSlug } = await dukaan.storefront.view(slug);
        if (currentSlug !== slug) return h.redirect(`${runtime.prefix}/api/v1/stores/${currentSlug}`).code(301);
        return view;
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/stores/{slug}/orders',
      description: 'Place an order (cash on delivery); send an Idempotency-Key so a retry returns the same order',
      auth: false,
      params: slugParams,
      headers: orderHeaders,
      payload: placeOrderSchema,
      handler: async (request, h) => {
        const slug = request.params.slug as string;
        const key = request.headers['idempotency-key'] as string | undefined;
        // The limit is counted only for a new order: a retry of a placed one spends no checkout budget.
        const { order, created } = await dukaan.orders.place(slug, request.payload, {
          idempotencyKey: key,
          beforeCreate: () => dukaan.rateLimiter.hit(`checkout:addr:${clientOf(runtime, request)}`, runtime.options.rateLimits.checkout),
        });
        return h.response(toCustomerOrderView(order)).code(created ? 201 : 200);
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}/orders/{token}',
      description: "The customer's view of their order",
      auth: false,
      params: trackingParams,
      handler: async (request) => toCustomerOrderView(await dukaan.orders.getByToken(request.params.slug as string, request.params.token as string)),
    }),
  ];
}
