import Boom from '@hapi/boom';
import type { Request, ResponseToolkit } from '@hapi/hapi';
import { isWellFormedHost } from './options.js';
import type { Runtime } from './runtime.js';

/**
 * onPreAuth, both plugins: the Host header must be one the operator listed (allowedHosts: 421
 * Misdirected Request otherwise, as RFC 9110 says for a host this server does not serve), or at
 * least a well-formed host (400), since links and cached pages are built from it.
 */
export function checkHost(runtime: Runtime) {
  return (request: Request, h: ResponseToolkit) => {
    // Probes call by pod address; liveness and readiness are not pages of any host.
    if (request.route.settings.tags?.includes('health')) return h.continue;
    const host = (request.info.host ?? '').toLowerCase();
    const allowed = runtime.options.allowedHosts;
    if (allowed && !allowed.has(host)) throw Boom.boomify(new Error('This host is not served here'), { statusCode: 421 });
    if (!isWellFormedHost(host)) throw Boom.badRequest('The Host header is not valid');
    return h.continue;
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * When a body goes over maxBytes mid-stream (a chunked upload has no Content-Length to refuse
 * up front), hapi's reader destroys the socket and the client sees a reset instead of the 413.
 * Read on and throw away up to `lingerBytes` instead, so the 413 can be written; past that the
 * client is not listening and the socket goes as before.
 */
function lingerOnOverflow(request: Request, lingerBytes: number): void {
  const raw = request.raw.req;
  const destroy = raw.destroy.bind(raw);
  let drained = 0;
  raw.destroy = (error?: Error) => {
    if (error || raw.complete || raw.socket?.destroyed) return destroy(error);
    raw.destroy = destroy;
    raw.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > lingerBytes) destroy();
    });
    raw.resume();
    return raw;
  };
}

/**
 * onPreAuth, JSON API: a body without Content-Type is not JSON by default (hapi would parse it
 * as JSON): 415. And a too large chunked body gets its 413, not a connection reset.
 */
export function checkApiBody(request: Request, h: ResponseToolkit) {
  if (!hasBody(request) || request.route.settings.tags?.includes('fallback')) return h.continue;
  if (!request.headers['content-type']) throw Boom.unsupportedMediaType('Send the body as application/json');
  lingerOnOverflow(request, 8 * 1024 * 1024);
  return h.continue;
}

/** onPreAuth, pages: the same care for an oversized chunked form post. */
export function checkPageBody(request: Request, h: ResponseToolkit) {
  if (hasBody(request)) lingerOnOverflow(request, 8 * 1024 * 1024);
  return h.continue;
}
