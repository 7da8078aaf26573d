import type { Request, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import type { Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { slugParams } from './params.js';

/** The pincode as sent; its shape (six digits, not starting with 0) is core's to judge, as a 400 with a message. */
const pincodeQuery = Joi.object({ pincode: Joi.string().max(20).allow('').required().label('pincode') });

const pincodeCheckBody = Joi.object({
  pincode: Joi.string().required(),
  serviceable: Joi.boolean().required().description('True when the store delivers to this pincode'),
  message: Joi.string().required().description('A sentence for the customer (and whether pickup is offered instead)'),
}).label('PincodeCheck');

/** Whether the store delivers to a pincode: the store page's check, before a cart is filled. */
async function serviceabilityHandler(runtime: Runtime, request: Request) {
  const { pincode } = request.query as { pincode: string };
  return runtime.dukaan.stores.checkPincode(request.params['slug'] as string, pincode);
}

/** The public pincode check. */
export function serviceabilityRoutes(runtime: Runtime): ServerRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/stores/{slug}/serviceability',
      description:
        "Whether the store delivers to `pincode` (six digits, not starting with 0), by its service area (all of India, a list of pincodes, or pincode prefixes), with a sentence for the customer that mentions pickup when the store offers it",
      auth: false,
      params: slugParams,
      query: pincodeQuery,
      responses: {
        ok: { 200: { description: 'The answer for this pincode', body: pincodeCheckBody } },
        errors: { 400: 'VALIDATION_FAILED: not a pincode (path pincode)', 404: 'NOT_FOUND: no store at this slug' },
      },
      handler: (request) => serviceabilityHandler(runtime, request),
    }),
  ];
}
