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

/** The error statuses any route of this shape can answer, beside those the route names itself. */
function commonErrors(route: RequestRoute, hasBody: boolean): Record<string, string> {
  const validate = route.settings.validate ?? {};
  const validated = ['params', 'query', 'payload', 'headers'].some((source) => validate[source as keyof typeof validate]);
  return {
    ...(validated || hasBody ? { 400: 'VALIDATION_FAILED (details: one entry per bad field) or BAD_REQUEST (a body that is not JSON)' } : {}),
    ...(route.settings.auth ? { 401: 'UNAUTHENTICATED: no session cookie or API token, or one that ended' } : {}),
    ...(hasBody ? { 413: 'PAYLOAD_TOO_LARGE: the body is over the limit', 415: 'UNSUPPORTED_MEDIA_TYPE: the body is not of the accepted type' } : {}),
    500: 'INTERNAL: a bug; the body says nothing more',
  };
}

function responsesOf(route: RequestRoute, hasBody: boolean) {
  const spec = (route.settings.plugins as Record<string, { responses?: ResponseSpec } | undefined>)['dukaan-kit']?.responses ?? { ok: {} };
  const out: Record<string, unknown> = {};
  for (const [status, doc] of Object.entries(spec.ok)) {
    const body = doc.body ? schemaOf(doc.body) : null;
    out[status] = {
      description: doc.description,
      ...(body ? { content: { 'application/json': { schema: body } } } : {}),
      ...(doc.headers ? { headers: Object.fromEntries(Object.entries(doc.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
    };
  }
  const errors = { ...commonErrors(route, hasBody), ...spec.errors };
  for (const [status, description] of Object.entries(errors)) {
    out[status] = {
      description,
      content: { 'application/json': { schema: errorRef } },
      ...(status === '429' ? { headers: { 'retry-after': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
    };
  }
  return out;
}

function operation(route: RequestRoute) {
  const body = schemaOf(route.settings.validate?.payload);
  const allow = route.settings.payload?.allow;
  const contentType = String((Array.isArray(allow) ? allow[0] : allow) ?? 'application/json');
  const hasBody = !['get', 'delete'].includes(route.method);
  const secured = Boolean(route.settings.auth);
  return {
    summary: route.settings.description ?? '',
    operationId: `${route.method}_${route.path.replace(/[^\w]+/g, '_')}`,
    parameters: [...parameters(route, 'path'), ...parameters(route, 'query'), ...parameters(route, 'header')],
    ...(body || contentType === 'multipart/form-data'
      ? { requestBody: { required: true, content: { [contentType]: { schema: body ?? { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } }
      : {}),
    responses: responsesOf(route, hasBody),
    ...(secured ? { security: [{ bearerAuth: [] }, { cookieAuth: [] }] } : {}),
  };
}

/** An OpenAPI 3 document of every /api/v1 route of this plugin, built from the same joi schemas the routes validate and answer with. */
export function openApiDocument(server: Server, prefix: string, cookieName: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of server.table()) {
    const tags = route.settings.tags ?? [];
    if (!route.path.startsWith(`${prefix}/api/v1/`) || !tags.includes('dukaan-kit') || tags.includes('fallback')) continue;
    const path = route.path.slice(prefix.length);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
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
        cookieAuth: { type: 'apiKey', in: 'cookie', name: cookieName },
      },
    },
  };
}

/** Serves the document; built on first request, when every route is registered. */
export function openApiRoute(prefix: string, cookieName: string): ServerRoute {
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
    handler: (request) => (document ??= openApiDocument(request.server, prefix, cookieName)),
  };
}
