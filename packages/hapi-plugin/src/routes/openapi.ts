import type { RequestRoute, Server, ServerRoute } from '@hapi/hapi';
import type Joi from 'joi';
import { createRequire } from 'node:module';
import { errorBody, openApiBody } from './response-schemas.js';
import type { ResponseSpec } from './responses.js';

// joi-to-json is CommonJS whose module.exports is the function itself.
const joiToJson = createRequire(import.meta.url)('joi-to-json') as (schema: Joi.Schema, mode: 'open-api') => unknown;

type JsonSchema = Record<string, unknown>;

function schemaOf(value: unknown): JsonSchema | null {
  return value && typeof value === 'object' && 'describe' in value ? (joiToJson(value as Joi.Schema, 'open-api') as JsonSchema) : null;
}

function parameters(route: RequestRoute, where: 'path' | 'query' | 'header'): JsonSchema[] {
  const source = { path: 'params', query: 'query', header: 'headers' }[where] as 'params' | 'query' | 'headers';
  const schema = schemaOf(route.settings.validate?.[source]);
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: property }));
}

const errorRef = { $ref: '#/components/schemas/Error' };

/** What the document needs to know of the plugin's options. */
export interface OpenApiOptions {
  /** The session cookie's name. */
  cookieName: string;
  /** True when `allowedHosts` is set: every host-checked route can answer 421. */
  allowedHosts: boolean;
}

/** The 400 of a route: its input, and (for every route but the probes) a malformed Host header. */
function badRequest(validated: boolean, hasBody: boolean, hostChecked: boolean): Record<string, string> {
  const causes = [
    ...(validated || hasBody ? ['VALIDATION_FAILED (details: one entry per bad field)', 'BAD_REQUEST (a body that is not JSON)'] : []),
    ...(hostChecked ? ['BAD_REQUEST (a malformed Host header)'] : []),
  ];
  return causes.length > 0 ? { 400: causes.join(', or ') } : {};
}

/**
 * The error statuses any route of this shape can answer, beside those the route names itself
 * (429 is named by the routes that count attempts: login, sign-up, checkout, password reset...).
 */
function commonErrors(route: RequestRoute, hasBody: boolean, options: OpenApiOptions): Record<string, string> {
  const validate = route.settings.validate ?? {};
  const validated = ['params', 'query', 'payload', 'headers'].some((source) => validate[source as keyof typeof validate]);
  // The Host checks (guards.ts) skip the liveness and readiness probes.
  const hostChecked = !route.settings.tags?.includes('health');
  return {
    ...badRequest(validated, hasBody, hostChecked),
    ...(route.settings.auth ? { 401: 'UNAUTHENTICATED: no session cookie or API token, or one that ended' } : {}),
    ...(hasBody ? { 413: 'PAYLOAD_TOO_LARGE: the body is over the limit', 415: 'UNSUPPORTED_MEDIA_TYPE: the body is not of the accepted type' } : {}),
    ...(hostChecked && options.allowedHosts ? { 421: 'MISDIRECTED_REQUEST: the Host header is not one of allowedHosts' } : {}),
    500: 'INTERNAL: a bug; the body says nothing more',
  };
}

function responsesOf(route: RequestRoute, hasBody: boolean, options: OpenApiOptions) {
  const spec = (route.settings.plugins as Record<string, { responses?: ResponseSpec } | undefined>)['dukaan-kit']?.responses ?? { ok: {} };
  const out: Record<string, unknown> = {};
  for (const [status, doc] of Object.entries(spec.ok)) {
    const body = doc.body ? schemaOf(doc.body) : null;
    const content = doc.file ? { [doc.file]: { schema: { type: 'string', format: 'binary' } } } : body ? { 'application/json': { schema: body } } : null;
    out[status] = {
      description: doc.description,
      ...(content ? { content } : {}),
      ...(doc.headers ? { headers: Object.fromEntries(Object.entries(doc.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
    };
  }
  // A status both name keeps both meanings (the storefront checkout's 400 adds BELOW_MINIMUM_ORDER to the common causes).
  const errors: Record<string, string> = { ...commonErrors(route, hasBody, options) };
  for (const [status, description] of Object.entries(spec.errors ?? {})) errors[status] = errors[status] ? `${description}; also ${errors[status]}` : description;
  for (const [status, description] of Object.entries(errors)) {
    out[status] = {
      description,
      content: { 'application/json': { schema: errorRef } },
      ...(status === '429' ? { headers: { 'retry-after': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
    };
  }
  return out;
}

function operation(route: RequestRoute, options: OpenApiOptions) {
  const body = schemaOf(route.settings.validate?.payload);
  const allow = route.settings.payload?.allow;
  const contentType = String((Array.isArray(allow) ? allow[0] : allow) ?? 'application/json');
  // A DELETE has a body only when the route validates one (DELETE /api/v1/me asks for the password).
  const hasBody = route.method !== 'get' && (route.method !== 'delete' || Boolean(route.settings.validate?.payload));
  const secured = Boolean(route.settings.auth);
  return {
    summary: route.settings.description ?? '',
    operationId: `${route.method}_${route.path.replace(/[^\w]+/g, '_')}`,
    parameters: [...parameters(route, 'path'), ...parameters(route, 'query'), ...parameters(route, 'header')],
    ...(body || contentType === 'multipart/form-data'
      ? { requestBody: { required: true, content: { [contentType]: { schema: body ?? { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } }
      : {}),
    responses: responsesOf(route, hasBody, options),
    ...(secured ? { security: [{ bearerAuth: [] }, { cookieAuth: [] }] } : {}),
  };
}

/** An OpenAPI 3 document of every /api/v1 route of this plugin, built from the same joi schemas the routes validate and answer with. */
export function openApiDocument(server: Server, prefix: string, options: OpenApiOptions) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of server.table()) {
    const tags = route.settings.tags ?? [];
    if (!route.path.startsWith(`${prefix}/api/v1/`) || !tags.includes('dukaan-kit') || tags.includes('fallback')) continue;
    const path = route.path.slice(prefix.length);
    paths[path] = { ...paths[path], [route.method]: operation(route, options) };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'dukaan-kit API',
      version: '1',
      description: 'Money is integer minor units; ids are strings. Every error is { statusCode, error, message, code, details? }.',
    },
    servers: [{ url: prefix || '/' }],
    paths,
    components: {
      schemas: { Error: schemaOf(errorBody) },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: options.cookieName },
      },
    },
  };
}

/** Serves the document; built on first request, when every route is registered. */
export function openApiRoute(prefix: string, options: OpenApiOptions): ServerRoute {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return {
    method: 'GET',
    path: '/api/v1/openapi.json',
    options: {
      auth: false,
      tags: ['dukaan-kit'],
      description: 'This API as OpenAPI 3',
      plugins: { 'dukaan-kit': { responses: { ok: { 200: { description: 'This document', body: openApiBody } } } } },
    },
    handler: (request) => (document ??= openApiDocument(request.server, prefix, options)),
  };
}
