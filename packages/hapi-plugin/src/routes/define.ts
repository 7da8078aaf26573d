import type { Lifecycle, ServerRoute } from '@hapi/hapi';
import type Joi from 'joi';
import { toFieldErrors, validationOptions, ValidationFailedError } from '@dukaan-kit/core';

/** API bodies are JSON only (415 otherwise), so a cross-site form can never post to them. */
export const maxJsonBytes = 1024 * 1024;
export const vendorAuth = { strategies: ['dukaan-token', 'dukaan-session'], mode: 'required' as const };

export interface ApiRouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  description: string;
  /** true: vendor session or API token required. */
  auth: boolean;
  params?: Joi.ObjectSchema;
  query?: Joi.ObjectSchema;
  payload?: Joi.Schema;
  headers?: Joi.ObjectSchema;
  handler: Lifecycle.Method;
  /** Overrides for uploads. */
  payloadOptions?: NonNullable<ServerRoute['options']> extends infer O ? (O extends { payload?: infer P } ? P : never) : never;
}

/** A failed validation becomes VALIDATION_FAILED with one detail per field, like the core's own. */
export const failAction: Lifecycle.Method = (_request, _h, error) => {
  const details = error && 'details' in error ? toFieldErrors(error as unknown as Joi.ValidationError) : [];
  throw new ValidationFailedError('Some fields are not valid', details);
};

/** One JSON API route, validated with the core's schemas. */
export function apiRoute(spec: ApiRouteSpec): ServerRoute {
  const hasBody = spec.method !== 'GET' && spec.method !== 'DELETE';
  return {
    method: spec.method,
    path: spec.path,
    options: {
      description: spec.description,
      tags: ['api', 'dukaan-kit'],
      auth: spec.auth ? vendorAuth : false,
      validate: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.payload ? { payload: spec.payload } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        options: validationOptions,
        failAction,
      },
      ...(hasBody ? { payload: spec.payloadOptions ?? { allow: 'application/json', maxBytes: maxJsonBytes } } : {}),
      handler: spec.handler,
    },
  };
}
