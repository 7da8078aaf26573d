import type { Plugin, Request, ResponseObject, ResponseToolkit, Server } from '@hapi/hapi';
import type Boom from '@hapi/boom';
import type { Dukaan } from '@dukaan-kit/core';
import { registerAuth } from './auth/strategies.js';
import { trustedProxies } from './client-address.js';
import { toBoom } from './errors.js';
import { resolveOptions, type DukaanPluginOptions } from './options.js';
import { categoryRoutes } from './routes/categories.js';
import { healthRoutes } from './routes/health.js';
import { openApiDocument, openApiRoute } from './routes/openapi.js';
import { orderRoutes } from './routes/orders.js';
import { productRoutes } from './routes/products.js';
import { storeRoutes } from './routes/store.js';
import { storefrontRoutes } from './routes/storefront.js';
import { vendorAuthRoutes } from './routes/vendor-auth.js';
import { registerPages } from './pages/index.js';
import type { Runtime } from './runtime.js';
import { applySecurityHeaders } from './security-headers.js';

/** What the plugin exposes at `server.plugins['dukaan-kit']`. */
export interface DukaanPluginApi {
  /** The core the plugin serves. */
  dukaan: Dukaan;
  /** The mount prefix ('' at the root). */
  prefix: string;
  /** The OpenAPI 3 document of the JSON API. */
  openApi(): ReturnType<typeof openApiDocument>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    'dukaan-kit': DukaanPluginApi;
  }
}

/** Error mapping and security headers, for this plugin's routes only (sandboxed ext). */
function onPreResponse(request: Request, h: ResponseToolkit) {
  const response = request.response as ResponseObject | Boom.Boom;
  if ('isBoom' in response && response.isBoom) {
    const boom = toBoom(response);
    if (boom.output.statusCode >= 500) request.log(['dukaan-kit', 'error'], response);
    applySecurityHeaders({ headers: boom.output.headers, header: (n: string, v: string) => (boom.output.headers[n] = v) } as unknown as ResponseObject);
    return boom;
  }
  applySecurityHeaders(response as ResponseObject);
  return h.continue;
}

async function register(server: Server, rawOptions: DukaanPluginOptions): Promise<void> {
  const options = resolveOptions(rawOptions);
  const prefix = server.realm.modifiers.route.prefix ?? '';
  const runtime: Runtime = { dukaan: options.dukaan, options, prefix, proxies: trustedProxies(options.trustProxy) };
  registerAuth(server, runtime);
  server.ext('onPreResponse', onPreResponse, { sandbox: 'plugin' });
  server.route([
    ...healthRoutes(runtime),
    ...vendorAuthRoutes(runtime),
    ...storeRoutes(runtime),
    ...categoryRoutes(runtime),
    ...productRoutes(runtime),
    ...orderRoutes(runtime),
    ...storefrontRoutes(runtime),
    openApiRoute(prefix, options.cookie.name),
  ]);
  if (options.pages) await registerPages(server, runtime);
  // One key at a time: expose(object) deep-merges, which would hand out a clone of the core.
  const api: DukaanPluginApi = { dukaan: options.dukaan, prefix, openApi: () => openApiDocument(server, prefix, options.cookie.name) };
  for (const [key, value] of Object.entries(api)) server.expose(key, value);
}

/** The dukaan-kit hapi plugin: JSON API, pages, auth. Register once per server (or per prefix). */
export const plugin: Plugin<DukaanPluginOptions> = {
  name: 'dukaan-kit',
  version: '0.1.0',
  multiple: false,
  register,
};

export type { DukaanPluginOptions } from './options.js';
export { toBoom } from './errors.js';
export { contentSecurityPolicy } from './security-headers.js';
