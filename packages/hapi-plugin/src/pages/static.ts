import type { ServerRoute } from '@hapi/hapi';
import { assetDir } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';

/** Content-hashed names: a file never changes under its name. */
export const immutableCache = 'public, max-age=31536000, immutable';

/**
 * `{prefix}/static/{file}`: storefront-ui's built CSS and JS; `{prefix}/media/{path*}`: uploaded
 * images from `options.mediaDir` when set (nginx serves both in production). Needs @hapi/inert.
 */
export function staticRoutes(runtime: Runtime): ServerRoute[] {
  const routes: ServerRoute[] = [
    {
      method: 'GET',
      path: '/static/{file}',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'static'],
        files: { relativeTo: assetDir },
        handler: (request, h) => h.file(request.params['file'] as string, { confine: true, etagMethod: 'hash' }).header('cache-control', immutableCache),
      },
    },
  ];
  const { mediaDir } = runtime.options;
  if (mediaDir) {
    routes.push({
      method: 'GET',
      path: '/media/{path*}',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'static'],
        files: { relativeTo: mediaDir },
        handler: (request, h) =>
          h
            .file(String(request.params['path'] ?? ''), { confine: true })
            .header('cache-control', immutableCache)
            .header('x-content-type-options', 'nosniff'),
      },
    });
  }
  return routes;
}
