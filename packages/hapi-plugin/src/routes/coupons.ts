import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { couponCheckSchema, couponCreateSchema, couponUpdateSchema, slugField, toCouponView, type Coupon } from '@dukaan-kit/core';
import { clientOf, principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { idParams } from './params.js';

// The coupon bodies live beside their routes: nothing else answers with them.
const money = Joi.number().integer().min(0);
const instant = Joi.string().isoDate().allow(null);
const object = (keys: Record<string, Joi.Schema>) => Joi.object(keys).unknown(true);

const terms = {
  code: Joi.string().required().description('Upper-case; customers may type it in any case'),
  type: Joi.string().valid('percent', 'flat').required(),
  value: Joi.number().integer().min(1).required().description('percent: 1-100; flat: minor units'),
  minOrderValue: money.required().description("The items' subtotal (before the discount) the code needs, minor units"),
  maxDiscount: money.allow(null).required().description('Cap of a percent discount, minor units; null: none'),
};

export const couponBody = object({
  id: Joi.string().required(),
  ...terms,
  startsAt: instant.required(),
  endsAt: instant.required().description('The first instant the code no longer applies'),
  usageLimit: Joi.number().integer().min(1).allow(null).required().description('Discounted orders in all; null: no limit'),
  perPhoneLimit: Joi.number().integer().min(1).allow(null).required().description('Discounted orders per customer phone; null: no limit'),
  firstOrderOnly: Joi.boolean().required(),
  active: Joi.boolean().required(),
  usedCount: Joi.number().integer().min(0).required().description('Orders that used it and were not cancelled or rejected'),
  status: Joi.string().valid('active', 'scheduled', 'expired', 'used_up', 'inactive').required(),
  createdAt: Joi.string().isoDate().required(),
  updatedAt: Joi.string().isoDate().required(),
}).label('Coupon');

export const couponListBody = object({ items: Joi.array().items(couponBody).required() }).label('CouponList');

/** What a customer may know of a code: its terms, never its counts or limits. */
export const couponOfferBody = object({
  ...terms,
  endsAt: instant.required(),
  firstOrderOnly: Joi.boolean().required().description('Only for a phone number without an earlier order at the store (checked at checkout)'),
}).label('CouponOffer');

export const couponCheckBody = object({ coupon: couponOfferBody.required() }).label('CouponCheck');

const checkParams = Joi.object({
  slug: slugField.required(),
  code: Joi.string().max(64).pattern(/^[\x21-\x7e]+$/, 'printable characters').required().label('code'),
});

function present(coupon: Coupon) {
  return toCouponView(coupon, new Date().toISOString());
}

/** The handlers of the coupon routes, each named for what it does. */
function couponHandlers(runtime: Runtime) {
  const { coupons } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params['id'] as string;
  return {
    list: async (request: Request) => ({ items: (await coupons.list(storeOf(request))).map(present) }),
    get: async (request: Request) => present(await coupons.get(storeOf(request), idOf(request))),
    create: async (request: Request, h: ResponseToolkit) => h.response(present(await coupons.create(storeOf(request), request.payload))).code(201),
    update: async (request: Request) => present(await coupons.update(storeOf(request), idOf(request), request.payload)),
    async remove(request: Request, h: ResponseToolkit) {
      await coupons.delete(storeOf(request), idOf(request));
      return h.response().code(204);
    },
    async check(request: Request) {
      const { subtotal } = request.query as { subtotal?: number };
      const { terms: coupon } = await coupons.check(request.params['slug'] as string, request.params['code'] as string, subtotal, { clientAddress: clientOf(runtime, request) });
      return { coupon };
    },
  };
}

const notFound = 'NOT_FOUND: no such coupon in this store';
const takenCode = 'CONFLICT: the store has a coupon with this code (codes ignore case)';

/** The vendor's coupons, and the public check behind the checkout's Apply button. */
export function couponRoutes(runtime: Runtime): ServerRoute[] {
  const handle = couponHandlers(runtime);
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/coupons',
      description: "List the store's coupons, newest first, with their use counts and status",
      auth: true,
      responses: { ok: { 200: { description: 'The coupons', body: couponListBody } } },
      handler: handle.list,
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/coupons',
      description:
        'Create a coupon: `code` (3-32 of A-Z 0-9 - _, stored upper-case), `type` percent (value 1-100, optional `maxDiscount`) or flat (value in minor units), `minOrderValue`, `startsAt`/`endsAt` (instants with a time zone), `usageLimit`, `perPhoneLimit`, `firstOrderOnly`, `active`',
      auth: true,
      payload: couponCreateSchema,
      responses: { ok: { 201: { description: 'The new coupon', body: couponBody } }, errors: { 409: takenCode } },
      handler: handle.create,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/coupons/{id}',
      description: 'One coupon',
      auth: true,
      params: idParams,
      responses: { ok: { 200: { description: 'The coupon', body: couponBody } }, errors: { 404: notFound } },
      handler: handle.get,
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/coupons/{id}',
      description: 'Change some of a coupon\'s fields (the rules between fields are checked on the coupon as it will be); orders placed with it keep their discount',
      auth: true,
      params: idParams,
      payload: couponUpdateSchema,
      responses: { ok: { 200: { description: 'The changed coupon', body: couponBody } }, errors: { 404: notFound, 409: takenCode } },
      handler: handle.update,
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/coupons/{id}',
      description: 'Delete a coupon; orders placed with it keep their discount and its code',
      auth: true,
      params: idParams,
      responses: { ok: { 204: { description: 'Deleted', body: null } }, errors: { 404: notFound } },
      handler: handle.remove,
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}/coupons/{code}',
      description:
        "Whether a code applies to a cart whose items come to `subtotal` (minor units; without it the minimum is not checked): the code's public terms, or 409 COUPON_NOT_APPLICABLE with `reason` and a sentence for the customer. Limits per customer and first-order-only are checked at checkout. Failed guesses are limited per client address",
      auth: false,
      private: true,
      params: checkParams,
      query: couponCheckSchema,
      responses: {
        ok: { 200: { description: 'The code applies: its terms', body: couponCheckBody } },
        errors: {
          404: 'NOT_FOUND: no store at this slug',
          409: 'COUPON_NOT_APPLICABLE: `reason` is unknown (no such code, or switched off), not_started, expired, below_minimum or used_up; `message` says it for the customer',
          429: 'RATE_LIMITED: too many codes that do not exist tried from this address',
        },
      },
      handler: handle.check,
    }),
  ];
}
