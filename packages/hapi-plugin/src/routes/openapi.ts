import type { RequestRoute, Server, ServerRoute } from '@hapi/hapi';
import type Joi from 'joi';
import { createRequire } from 'node:module';

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

function operation(route: RequestRoute) {
  const body = schemaOf(route.settings.validate?.payload);
  const allow = route.settings.payload?.allow;
  const contentType = String((Array.isArray(allow) ? allow[0] : allow) ?? 'application/json');
  const secured = Boolean(route.settings.auth);
  return {
    summary: route.settings.description ?? '',
    operationId: `${route.method}_${route.path.replace(/[^\w]+/g, '_')}`,
    parameters: [...parameters(route, 'path'), ...parameters(route, 'query'), ...parameters(route, 'header')],
    ...(body || contentType === 'multipart/form-data'
      ? { requestBody: { required: true, content: { [contentType]: { schema: body ?? { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } }
      : {}),
    responses: { default: { description: 'See API.md; errors are { statusCode, error, message, code, details }' } },
    ...(secured ? { security: [{ bearerAuth: [] }, { cookieAuth: [] }] } : {}),
  };
}

/** An OpenAPI 3 document of every /api/v1 route of this plugin, built from the same joi schemas the routes validate with. */
export function openApiDocument(server: Server, prefix: string, cookieName: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of server.table()) {
    if (!route.path.startsWith(`${prefix}/api/v1/`) || !route.settings.tags?.includes('dukaan-kit')) continue;
    const path = route.path.slice(prefix.length);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'dukaan-kit API', version: '1', description: 'Money is integer minor units; ids are strings.' },
    servers: [{ url: prefix || '/' }],
    paths,
    components: {
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
    options: { auth: false, tags: ['dukaan-kit'], description: 'This API as OpenAPI 3' },
    handler: (request) => (document ??= openApiDocument(request.server, prefix, cookieName)),
  };
}
