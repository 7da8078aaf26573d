import type { BlockList } from 'node:net';
import type { Request } from '@hapi/hapi';
import type { Dukaan, VendorPrincipal } from '@dukaan-kit/core';
import { clientAddress, isFromTrustedProxy } from './client-address.js';
import type { ResolvedOptions } from './options.js';

/** What every route factory gets: the options, the mount prefix and a few request helpers. */
export interface Runtime {
  dukaan: Dukaan;
  options: ResolvedOptions;
  /** '' or e.g. '/shop': every generated link, cookie path and asset URL starts with it. */
  prefix: string;
  proxies: BlockList;
}

function forwardedProto(request: Request): string | undefined {
  const header = request.headers['x-forwarded-proto'] as string | undefined;
  // nginx sets one value; a chain of proxies appends: the right-most is the one next to us.
  return header?.split(',').pop()?.trim().toLowerCase();
}

/**
 * Whether the browser reached us over https: publicUrl says so, the socket is TLS, or a trusted
 * proxy (trustProxy) says X-Forwarded-Proto: https. An untrusted peer's header is ignored.
 */
export function isHttps(runtime: Runtime, request: Request): boolean {
  if (runtime.options.publicUrl?.startsWith('https:')) return true;
  if (request.server.info.protocol === 'https') return true;
  return isFromTrustedProxy(request, runtime.proxies) && forwardedProto(request) === 'https';
}

/** `Secure` for the cookies set on this response: the explicit option, else whether the request came over https. */
export function secureCookies(runtime: Runtime, request: Request): boolean {
  return runtime.options.cookie.secure ?? isHttps(runtime, request);
}

/** The origin customers reach the app at, e.g. https://shop.example (the Host header is checked in onRequest). */
export function originOf(runtime: Runtime, request: Request): string {
  if (runtime.options.publicUrl) return runtime.options.publicUrl;
  return `${isHttps(runtime, request) ? 'https' : 'http'}://${request.info.host}`;
}

/** The origin plus prefix customers reach the app at, e.g. https://shop.example/shop. */
export function baseUrl(runtime: Runtime, request: Request): string {
  return `${originOf(runtime, request)}${runtime.prefix}`;
}

export function clientOf(runtime: Runtime, request: Request): string {
  return clientAddress(request, runtime.proxies);
}

/** The authenticated vendor; only call it on routes that require auth. */
export function principalOf(request: Request): VendorPrincipal {
  return request.auth.credentials as unknown as VendorPrincipal;
}
