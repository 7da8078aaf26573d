import type { Plugin, Server } from '@hapi/hapi';
import { api, type DukaanPluginApi } from './api-plugin.js';
import type { DukaanPluginOptions } from './options.js';
import { pages } from './pages-plugin.js';

/**
 * The convenience plugin: `api`, then `pages` unless `pages: false`, with the same options and
 * prefix. Exposes `{ dukaan, prefix, openApi() }` at `server.plugins['dukaan-kit']`.
 */
async function register(server: Server, options: DukaanPluginOptions): Promise<void> {
  await server.register({ plugin: api, options });
  if (options.pages !== false) await server.register({ plugin: pages, options });
  const exposed = server.plugins['dukaan-kit-api'];
  for (const [key, value] of Object.entries(exposed)) server.expose(key as keyof DukaanPluginApi, value);
}

/** The dukaan-kit hapi plugin: JSON API, pages, auth. Register once per server. */
export const plugin: Plugin<DukaanPluginOptions> = {
  name: 'dukaan-kit',
  version: '0.1.0',
  multiple: false,
  register,
};

export { api } from './api-plugin.js';
export { pages } from './pages-plugin.js';
export type { DukaanPluginApi } from './api-plugin.js';
export type { DukaanPluginOptions } from './options.js';
export { presentError, toBoom } from './errors.js';
export type { ErrorBody, PresentedError } from './errors.js';
export { contentSecurityPolicy, strictTransportSecurity } from './security-headers.js';
