import Boom from '@hapi/boom';
import type { Request, ServerRoute } from '@hapi/hapi';

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The methods this path answers, besides the fallback itself. */
function allowedMethods(request: Request): string[] {
  const allowed: string[] = [];
  for (const method of methods) {
    const route = request.server.match(method, request.path);
    if (route && !route.settings.tags?.includes('fallback')) allowed.push(method === 'get' ? 'GET, HEAD' : method.toUpperCase());
  }
  return allowed;
}

/**
 * Every /api/v1 request no route takes: 405 with Allow for a known path and another method, else
 * 404, both in the API's error format and with its headers (the API plugin's onPreResponse),
 * instead of hapi's bare 404 that no plugin extension sees.
 */
export function fallbackRoute(): ServerRoute {
  return {
    method: '*',
    path: '/api/v1/{rest*}',
    options: {
      auth: false,
      tags: ['dukaan-kit', 'fallback'],
      // Nothing to read: the body of a request nobody takes is drained unparsed.
      payload: { output: 'stream', parse: false },
      handler: (request) => {
        const allowed = allowedMethods(request);
        if (allowed.length === 0) throw Boom.notFound('There is no such API route');
        throw Boom.methodNotAllowed(`${request.method.toUpperCase()} is not allowed here`, undefined, allowed);
      },
    },
  };
}
