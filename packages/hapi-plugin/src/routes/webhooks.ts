import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { webhookCreateSchema, webhookDeliveriesQuerySchema } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { idParams } from './params.js';
import { deliveryBody, deliveryListBody, webhookCreatedBody, webhookListBody } from './response-schemas.js';

/** Ids are printable ASCII, as in params.ts; whether one names a record is core's answer (404). */
const opaque = Joi.string().max(64).pattern(/^[\x21-\x7e]+$/, 'printable characters');
const deliveryParams = Joi.object({ id: opaque.required(), deliveryId: opaque.required() });

/** The handlers of the webhook routes, each named for what it does. */
function webhookHandlers(runtime: Runtime) {
  const { webhooks } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const param = (request: Request, name: string) => request.params[name] as string;
  return {
    async create(request: Request, h: ResponseToolkit) {
      return h.response(await webhooks.create(storeOf(request), request.payload)).code(201);
    },
    list: async (request: Request) => ({ items: await webhooks.list(storeOf(request)) }),
    async remove(request: Request, h: ResponseToolkit) {
      await webhooks.remove(storeOf(request), param(request, 'id'));
      return h.response().code(204);
    },
    deliveries: async (request: Request) => ({ items: await webhooks.deliveries(storeOf(request), param(request, 'id'), request.query) }),
    async retry(request: Request, h: ResponseToolkit) {
      return h.response(await webhooks.retry(storeOf(request), param(request, 'id'), param(request, 'deliveryId'))).code(202);
    },
  };
}

const events = '`order.placed`, `order.status_changed`, `order.payment_changed`, `product.low_stock`';

/** The store's webhooks: each event they subscribe to is POSTed to them, signed, at least once. */
export function webhookRoutes(runtime: Runtime): ServerRoute[] {
  const handle = webhookHandlers(runtime);
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/webhooks',
      description: `Add a webhook: each event it names (${events}) is POSTed to \`url\` as \`{id, type, createdAt, data}\`, signed with the secret answered here (shown only now) in \`Dukaan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">\`; a 2xx answer within 5 s counts as delivered, anything else is retried with backoff for about a day. At most 10 per store`,
      auth: true,
      private: true,
      responses: {
        ok: { 201: { description: 'The webhook with its secret', body: webhookCreatedBody } },
        errors: {
          400: "VALIDATION_FAILED: url not an absolute http(s) URL, longer than 2048 characters once normalised, with a user name or password, with a port other than 80 or 443, or leading to a private, loopback or link-local address or to one of the server's own addresses (or a host that does not resolve); events empty, repeated or unknown; or the store already has 10 webhooks",
        },
      },
      payload: webhookCreateSchema,
      handler: handle.create,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/webhooks',
      description: "The store's webhooks, oldest first (never their secrets)",
      auth: true,
      private: true,
      responses: { ok: { 200: { description: 'The webhooks', body: webhookListBody } } },
      handler: handle.list,
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/webhooks/{id}',
      description: 'Remove a webhook; its pending deliveries are dropped',
      auth: true,
      params: idParams,
      responses: { ok: { 204: { description: 'Removed', body: null } }, errors: { 404: 'NOT_FOUND: no such webhook in this store' } },
      handler: handle.remove,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/webhooks/{id}/deliveries',
      description: "A webhook's recent deliveries, newest first (`limit`, default 50, at most 100), each with its latest attempt: status code, duration, error",
      auth: true,
      private: true,
      params: idParams,
      query: webhookDeliveriesQuerySchema,
      responses: { ok: { 200: { description: 'The deliveries', body: deliveryListBody } }, errors: { 404: 'NOT_FOUND: no such webhook in this store' } },
      handler: handle.deliveries,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
      description: 'Send a delivery again as soon as possible: a pending one now, a dead one once more. A delivered delivery, or one being sent right now, is not retried (409)',
      auth: true,
      private: true,
      params: deliveryParams,
      responses: {
        ok: { 202: { description: 'Queued; the delivery as it stands', body: deliveryBody } },
        errors: {
          404: 'NOT_FOUND: no such webhook or delivery in this store',
          409: 'CONFLICT: the delivery was already delivered, or is being sent right now',
        },
      },
      handler: handle.retry,
    }),
  ];
}
