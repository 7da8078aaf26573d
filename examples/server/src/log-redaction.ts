// What the request log must never hold, and the hapi-pino options that keep it out.
// A customer's tracking token is the only key to their order page (name, phone, address),
// an Idempotency-Key can replay a checkout's answer, and the `token` of a password-reset or
// email-confirmation link takes over the account: all are as secret as a session cookie, so
// they are scrubbed from URLs, query objects, headers and the "[response] …" message alike.

export const REDACTED = '[redacted]';

/**
 * Tracking tokens sit after `/orders/` in `/{slug}/orders/{token}` and
 * `/api/v1/stores/{slug}/orders/{token}` (under any mount prefix). The vendor's
 * `/api/v1/orders/{id}` and `/dashboard/orders/{id}` carry order ids, which are not secrets
 * and help reading the log, so those are kept.
 */
const trackingSegment = /(?<!\/api\/v1|\/dashboard)\/orders\/[^/?#\s"]+/g;

/**
 * Query parameters whose value is a secret: `token` carries the reset and email-confirmation
 * tokens (`/reset-password?token=…`, `/confirm-email?token=…`). Any path, not only those two:
 * a mount prefix, a mistyped path (logged as a 404) or a `next=` that wraps such a URL
 * (percent-encoded: `%3Ftoken%3D…`) carry the same secret. `q` is the dashboard's order
 * search, which holds a customer's phone number or name: personal data, kept out of logs.
 */
const secretParams = ['token', 'q'];
const secretParam = new RegExp(`((?:^|[?&;]|%3F|%26)(?:${secretParams.join('|')})(?:=|%3D))(?:(?!%26)[^&#;\\s"])*`, 'gi');

/** A path or absolute URL with every tracking token and secret query value replaced. */
export function redactUrl(url: string): string {
  return url.replace(trackingSegment, `/orders/${REDACTED}`).replace(secretParam, `$1${REDACTED}`);
}

/** A copy of a parsed query object with secret values replaced (and URL-valued ones scrubbed). */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (secretParams.includes(name.toLowerCase())) copy[name] = REDACTED;
    else if (typeof value === 'string') copy[name] = redactUrl(value);
    else if (Array.isArray(value)) copy[name] = value.map((v) => (typeof v === 'string' ? redactUrl(v) : v));
    else copy[name] = value;
  }
  return copy;
}

/** Headers whose whole value is a credential. */
const secretHeaders = ['authorization', 'cookie', 'idempotency-key', 'x-csrf-token'];
/** Headers that may carry a URL with a tracking token or a secret query value in it. */
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
    query: redactQuery(req.query),
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

/** An email address anywhere in a text (SMTP replies quote the recipient: `550 <asha@example.com>`). */
const emailAddress = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;

/** `text` with every email address replaced. */
export function redactEmails(text: string): string {
  return text.replace(emailAddress, REDACTED);
}

/**
 * A failed mail send as it may be logged: nodemailer's errors carry the recipient (`rejected`,
 * `response`, `message`), which is personal data the log has no need of. Kept: what tells an
 * operator what went wrong (error code such as EAUTH or ECONNECTION, SMTP status, command).
 */
export function mailErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactEmails(String(error)) };
  const { code, responseCode, command } = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  return {
    type: error.name,
    message: redactEmails(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
    ...(typeof command === 'string' ? { command: redactEmails(command) } : {}),
  };
}
