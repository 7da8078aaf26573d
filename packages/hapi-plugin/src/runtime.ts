import type { BlockList } from 'node:net';
import type { Request } from '@hapi/hapi';
import type { Dukaan, VendorPrincipal } from '@dukaan-kit/core';
import { clientAddress } from './client-address.js';
import type { ResolvedOptions } from './options.js';

/** What every route factory gets: the options, the mount prefix and a few request helpers. */
export interface Runtime {
  dukaan: Dukaan;
  options: ResolvedOptions;
  /** '' or e.g. '/shop': every generated link, cookie path and asset URL starts with it. */
  prefix: string;
  proxies: BlockList;
}

/** The origin plus prefix customers reach the app at, e.g. https://shop.example/shop. */
export function baseUrl(runtime: Runtime, request: Request): string {
  if (runtime.options.publicUrl) return `${runtime.options.publicUrl}${runtime.prefix}`;
  return `${request.server.info.protocol}://${request.info.host}${runtime.prefix}`;
}

export function clientOf(runtime: Runtime, request: Request): string {
  return clientAddress(request, runtime.proxies);
}

/** The authenticated vendor; only call it on routes that require auth. */
export function principalOf(request: Request): VendorPrincipal {
  return request.auth.credentials as unknown as VendorPrincipal;
}
