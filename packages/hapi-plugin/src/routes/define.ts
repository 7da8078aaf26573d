import type { Lifecycle, RouteOptionsPayload, ServerRoute } from '@hapi/hapi';
import type Joi from 'joi';
import { validationOptions, ValidationFailedError, type FieldError } from '@dukaan-kit/core';
import type { ResponseSpec } from './responses.js';

/** API bodies are JSON only (415 otherwise), so a cross-site form can never post to them. */
export const maxJsonBytes = 1024 * 1024;
export const vendorAuth = { strategies: ['dukaan-token', 'dukaan-session'], mode: 'required' as const };

export interface ApiRouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  description: string;
  /** true: vendor session or API token required. */
  auth: boolean;
  /** The answer carries personal data: `Cache-Control: no-store, private`. */
  private?: boolean;
  params?: Joi.ObjectSchema;
  query?: Joi.ObjectSchema;
  payload?: Joi.Schema;
  headers?: Joi.ObjectSchema;
  /** What the route answers (the OpenAPI document lists these); errors are added from the spec's shape. */
  responses: ResponseSpec;
  handler: Lifecycle.Method;
  /** Overrides for uploads. */
  payloadOptions?: RouteOptionsPayload;
}

const sourceNames: Record<string, string> = { payload: 'body', query: 'query', params: 'path', headers: 'headers' };

interface JoiDetail {
  path: Array<string | number>;
  message: string;
  context?: { peers?: string[]; missing?: string[]; main?: string };
}

/**
 * Joi's details as `{ path, message }`, one per field. An error about a whole object (a rule over
 * several keys, or the body not being an object at all) has an empty path: name the keys the rule
 * is about, else the part of the request (`body`, `query`...), never "".
 */
export function fieldErrorsOf(details: JoiDetail[], source: string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const detail of details) {
    const own = detail.path.join('.');
    const peers = detail.context?.peers ?? detail.context?.missing;
    const inner = peers && peers.length > 0 ? [own, peers.join(',')].filter(Boolean).join('.') : own;
    const path = inner || sourceNames[source] || source || 'body';
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: detail.message });
  }
  return out;
}

/** A failed validation becomes VALIDATION_FAILED with one detail per field, like the core's own. */
export const failAction: Lifecycle.Method = (_request, _h, error) => {
  const boom = error as (Error & { details?: JoiDetail[]; output?: { payload?: { validation?: { source?: string } } } }) | undefined;
  const details = boom?.details ? fieldErrorsOf(boom.details, boom.output?.payload?.validation?.source ?? 'payload') : [];
  throw new ValidationFailedError('Some fields are not valid', details);
};

/** One JSON API route, validated with the core's schemas; its responses are kept for the OpenAPI document. */
export function apiRoute(spec: ApiRouteSpec): ServerRoute {
  // A DELETE takes a body only when it names one (closing an account asks for the password).
  const hasBody = spec.method !== 'GET' && (spec.method !== 'DELETE' || spec.payload !== undefined);
  return {
    method: spec.method,
    path: spec.path,
    options: {
      description: spec.description,
      tags: ['api', 'dukaan-kit', ...(spec.private ? ['private'] : [])],
      auth: spec.auth ? vendorAuth : false,
      plugins: { 'dukaan-kit': { responses: spec.responses } },
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
