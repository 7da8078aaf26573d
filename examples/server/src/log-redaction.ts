// What the request log must never hold, and the hapi-pino options that keep it out.
// A customer's tracking token is the only key to their order page (name, phone, address),
// and an Idempotency-Key can replay a checkout's answer: both are as secret as a session
// cookie, so they are scrubbed from URLs, headers and the "[response] …" message alike.

export const REDACTED = '[redacted]';

/**
 * Tracking tokens sit after `/orders/` in `/{slug}/orders/{token}` and
 * `/api/v1/stores/{slug}/orders/{token}` (under any mount prefix). The vendor's
 * `/api/v1/orders/{id}` and `/dashboard/orders/{id}` carry order ids, which are not secrets
 * and help reading the log, so those are kept.
 */
const trackingSegment = /(?<!\/api\/v1|\/dashboard)\/orders\/[^/?#\s"]+/g;

/** A path or absolute URL with every tracking token replaced. */
export function redactUrl(url: string): string {
  return url.replace(trackingSegment, `/orders/${REDACTED}`);
}

/** Headers whose whole value is a credential. */
const secretHeaders = ['authorization', 'cookie', 'idempotency-key', 'x-csrf-token'];
/** Headers that may carry a URL with a tracking token in it. */
const urlHeaders = ['referer', 'location', 'content-location'];

/** A copy of `headers` that is safe to log (the request's own object is never touched). */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  const copy: Record<string, unknown> = { ...headers };
  for (const name of Object.keys(copy)) {
    const lower = name.toLowerCase();
    if (secretHeaders.includes(lower) || lower === 'set-cookie') copy[name] = REDACTED;
    else if (urlHeaders.includes(lower) && typeof copy[name] === 'string') copy[name] = redactUrl(copy[name] as string);
  }
  return copy;
}

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * hapi-pino's `serializers` (it wraps them around pino's standard ones, so each gets the
 * standard shape). Route params are left out: `{token}` is one of them, and the URL shows them.
 */
export const logSerializers = {
  req: (req: LoggedRequest) => ({
    id: req.id,
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    query: req.query,
    headers: redactHeaders(req.headers),
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  }),
  res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({
    statusCode: res.statusCode,
    headers: redactHeaders(res.headers),
  }),
};

/** hapi-pino's completion message, with the path scrubbed (its default prints `request.path` as is). */
export function requestCompleteMessage(
  request: { method: string; path: string; raw: { res: { headersSent: boolean; statusCode: number } } },
  responseTime: number,
): string {
  const status = request.raw.res.headersSent ? request.raw.res.statusCode : '-';
  return `[response] ${request.method} ${redactUrl(request.path)} ${status} (${responseTime}ms)`;
}
