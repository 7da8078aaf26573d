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

/** One year, without includeSubDomains: the operator's other subdomains are not ours to decide. */
export const strictTransportSecurity = 'max-age=31536000';

const headers: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** The security headers of a plugin response; HSTS only when the request came over https (browsers ignore it on http). */
export function securityHeaders(https: boolean): Record<string, string> {
  return https ? { ...headers, 'strict-transport-security': strictTransportSecurity } : headers;
}

/** Adds the headers to a plugin response, leaving any the route set itself. */
export function applySecurityHeaders(response: ResponseObject, https: boolean): void {
  for (const [name, value] of Object.entries(securityHeaders(https))) {
    if (response.headers[name] === undefined) response.header(name, value);
  }
}
