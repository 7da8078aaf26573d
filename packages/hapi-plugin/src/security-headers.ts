import type { ResponseObject } from '@hapi/hapi';

/**
 * Pages load scripts, styles and images from this origin only (uploaded images may come from
 * a CDN over https); no page may be framed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data: https:",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "form-action 'self' https://wa.me",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const headers: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the headers to a plugin response, leaving any the route set itself. */
export function applySecurityHeaders(response: ResponseObject): void {
  for (const [name, value] of Object.entries(headers)) {
    if (response.headers[name] === undefined) response.header(name, value);
  }
}
