import type Hapi from '@hapi/hapi';
import type { CacheStores } from '@dukaan-kit/core';
import { customer } from './server.js';

/** The parsed JSON body of an inject response (loosely typed: tests assert its shape). */
export function json(response: { payload: string }): any {
  return JSON.parse(response.payload);
}

export interface Vendor {
  headers: Record<string, string>;
  store: { id: string; slug: string; url: string };
}

/** Shorthands for a vendor's authenticated requests. */
export function client(server: Hapi.Server, headers: Record<string, string>, prefix = '') {
  const send = (method: string, url: string, payload?: unknown) =>
    server.inject({ method, url: `${prefix}${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload),
    patch: (url: string, payload?: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
    async product(fields: Record<string, unknown> = {}) {
      const response = await send('POST', '/api/v1/products', { name: 'Masala Chai', price: 24900, ...fields });
      if (response.statusCode !== 201) throw new Error(`product failed: ${response.payload}`);
      return json(response);
    },
    async category(name = 'Tea', position?: number) {
      const response = await send('POST', '/api/v1/categories', { name, ...(position === undefined ? {} : { position }) });
      if (response.statusCode !== 201) throw new Error(`category failed: ${response.payload}`);
      return json(response);
    },
  };
}

/** A customer's order through the public route. */
export function placeOrder(
  server: Hapi.Server,
  slug: string,
  items: Array<{ productId: string; quantity: number }>,
  options: { key?: string; remoteAddress?: string; prefix?: string; headers?: Record<string, string> } = {},
) {
  return server.inject({
    method: 'POST',
    url: `${options.prefix ?? ''}/api/v1/stores/${slug}/orders`,
    headers: { ...(options.key ? { 'idempotency-key': options.key } : {}), ...options.headers },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    payload: { customer, items, paymentMethod: 'cod' },
  });
}

/** A 1x1 transparent PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file field. */
export function multipart(field: string, filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = `----dukaan${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Cache stores whose every call settles as `call` does (rejects: Redis down; never settles: a silent firewall). */
export function cacheStoresOf(call: () => Promise<never>): CacheStores {
  return {
    cache: { get: call, set: call, delete: call },
    counters: { increment: call, decrement: call },
    bus: null,
    ping: call,
    close: async () => {},
  };
}

/** A cache whose every call rejects, as when Redis is down. */
export function brokenCache(): CacheStores {
  return cacheStoresOf(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
}

/** The error body fields every failed answer carries. */
export function errorOf(response: { statusCode: number; payload: string }) {
  const body = json(response) as { statusCode: number; code: string; message: string; details?: Array<{ path: string; message: string }> };
  return { ...body, paths: (body.details ?? []).map((d) => d.path).sort() };
}
