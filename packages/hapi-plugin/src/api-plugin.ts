import type { Plugin, Request, ResponseObject, ResponseToolkit, Server } from '@hapi/hapi';
import type Boom from '@hapi/boom';
import { registerAuth } from './auth/strategies.js';
import { registerDeviceCookie } from './auth/device-cookie.js';
import { trustedProxies } from './client-address.js';
import { presentError } from './errors.js';
import { checkApiBody, checkHost } from './guards.js';
import { resolveOptions, type DukaanPluginOptions } from './options.js';
import { accountRoutes } from './routes/account.js';
import { categoryRoutes } from './routes/categories.js';
import { couponRoutes } from './routes/coupons.js';
import { credentialRoutes } from './routes/credentials.js';
import { dataRightsRoutes } from './routes/data-rights.js';
import { fallbackRoute } from './routes/fallback.js';
import { healthRoutes } from './routes/health.js';
import { liveRoutes } from './routes/live.js';
import { openApiDocument, openApiRoute } from './routes/openapi.js';
import { orderRoutes } from './routes/orders.js';
import { invoiceRoutes } from './routes/invoices.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import { productRoutes } from './routes/products.js';
import { productImageRoutes } from './routes/product-images.js';
import { productCsvRoutes } from './routes/product-csv.js';
import { productBulkRoutes } from './routes/product-bulk.js';
import { storeRoutes } from './routes/store.js';
import { storefrontRoutes } from './routes/storefront.js';
import { serviceabilityRoutes } from './routes/serviceability.js';
import { vendorAuthRoutes } from './routes/vendor-auth.js';
import { webhookRoutes } from './routes/webhooks.js';
import { isHttps, type Runtime } from './runtime.js';
import { applySecurityHeaders } from './security-headers.js';

/** What the API plugin exposes at `server.plugins['dukaan-kit-api']` (and `plugin` at `server.plugins['dukaan-kit']`). */
export interface DukaanPluginApi {
  /** The core the plugin serves. */
  dukaan: Runtime['dukaan'];
  /** The mount prefix ('' at the root). */
  prefix: string;
  /** The OpenAPI 3 document of the JSON API. */
  openApi(): ReturnType<typeof openApiDocument>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    'dukaan-kit': DukaanPluginApi;
    'dukaan-kit-api': DukaanPluginApi;
  }
}

/** JSON errors in the one format, security headers, no caching of personal or authenticated answers: for the API's routes only (sandboxed). */
function onPreResponse(runtime: Runtime) {
  return (request: Request, h: ResponseToolkit) => {
    const response = request.response as ResponseObject | Boom.Boom;
    if ('isBoom' in response && response.isBoom) return presentApiError(runtime, request, h, response);
    const ok = response as ResponseObject;
    applySecurityHeaders(ok, isHttps(runtime, request));
    // Personal data, and anything answered to a session cookie or a bearer token (the vendor's
    // own store, products, orders...): no shared or browser cache may keep it.
    if (request.auth.isAuthenticated || request.route.settings.tags?.includes('private')) ok.header('cache-control', 'no-store, private');
    return h.continue;
  };
}

/** Presents an error in the API's format, with the security headers and no caching. */
function presentApiError(runtime: Runtime, request: Request, h: ResponseToolkit, error: Boom.Boom) {
  const { body, headers, internal } = presentError(error);
  if (internal) request.log(['dukaan-kit', 'error'], error);
  const answer = h.response(body).code(body.statusCode);
  for (const [name, value] of Object.entries(headers)) answer.header(name, value);
  applySecurityHeaders(answer, isHttps(runtime, request));
  return answer.header('cache-control', 'no-store');
}

/**
 * Requests under `{prefix}/api/v1` that hapi refused before any route took them (a path it cannot
 * decode, `%zz`, or a bare `%`): they reach only hapi's special routes, which the sandboxed
 * extension never sees, so this one (not sandboxed) answers them in the API's error format. It
 * touches nothing else: a request some route matched, or any path outside the API, passes through.
 */
function onUnroutedApi(runtime: Runtime) {
  const base = `${runtime.prefix}/api/v1`;
  return (request: Request, h: ResponseToolkit) => {
    if ((request.route.method as string) !== '_special') return h.continue; // hapi's notFound or badRequest route
    const path = request.path;
    if (path !== base && !path.startsWith(`${base}/`)) return h.continue;
    const response = request.response as ResponseObject | Boom.Boom;
    if (!('isBoom' in response && response.isBoom)) return h.continue;
    return presentApiError(runtime, request, h, response);
  };
}

/** Registers the API's routes and extensions on a server (or a plugin's realm); returns what it exposes. */
export function registerApi(server: Server, rawOptions: DukaanPluginOptions): DukaanPluginApi {
  const options = resolveOptions(rawOptions);
  const prefix = server.realm.modifiers.route.prefix ?? '';
  const runtime: Runtime = { dukaan: options.dukaan, options, prefix, proxies: trustedProxies(options.trustProxy) };
  registerAuth(server, runtime);
  registerDeviceCookie(server, runtime);
  server.ext('onPreAuth', checkHost(runtime), { sandbox: 'plugin' });
  server.ext('onPreAuth', checkApiBody, { sandbox: 'plugin' });
  server.ext('onPreResponse', onPreResponse(runtime), { sandbox: 'plugin' });
  server.ext('onPreResponse', onUnroutedApi(runtime));
  const openApiOptions = { cookieName: options.cookie.name, allowedHosts: options.allowedHosts !== null && options.allowedHosts !== undefined };
  server.route([
    ...healthRoutes(runtime),
    ...vendorAuthRoutes(runtime),
    ...passwordResetRoutes(runtime),
    ...accountRoutes(runtime),
    ...credentialRoutes(runtime),
    ...dataRightsRoutes(runtime),
    ...storeRoutes(runtime),
    ...categoryRoutes(runtime),
    ...couponRoutes(runtime),
    ...productRoutes(runtime),
    ...productImageRoutes(runtime),
    ...productCsvRoutes(runtime),
    ...productBulkRoutes(runtime),
    ...liveRoutes(runtime, server),
    ...orderRoutes(runtime),
    ...invoiceRoutes(runtime),
    ...webhookRoutes(runtime),
    ...storefrontRoutes(runtime),
    ...serviceabilityRoutes(runtime),
    openApiRoute(prefix, openApiOptions),
    fallbackRoute(),
  ]);
  return { dukaan: options.dukaan, prefix, openApi: () => openApiDocument(server, prefix, openApiOptions) };
}

/** Exposes one key at a time: expose(object) deep-merges, which would hand out a clone of the core. */
export function exposeApi(server: Server, api: DukaanPluginApi): void {
  for (const [key, value] of Object.entries(api)) server.expose(key, value);
}

/** The JSON API under `{prefix}/api/v1`, `/healthz`, `/readyz` and the OpenAPI document, with the auth strategies. */
export const api: Plugin<DukaanPluginOptions> = {
  name: 'dukaan-kit-api',
  version: '0.1.0',
  multiple: false,
  register: (server: Server, options: DukaanPluginOptions) => exposeApi(server, registerApi(server, options)),
};
