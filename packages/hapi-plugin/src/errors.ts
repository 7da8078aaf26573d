import { STATUS_CODES } from 'node:http';
import Boom from '@hapi/boom';
import { CouponNotApplicableError, isDomainError, PriceChangedError, RateLimitedError, type ErrorCode, type FieldError } from '@dukaan-kit/core';

/** The one place a domain error code becomes an HTTP status. */
const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BELOW_MINIMUM_ORDER: 400,
  TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  STORE_CLOSED: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  PRICE_CHANGED: 409,
  COUPON_NOT_APPLICABLE: 409,
  NOT_SERVICEABLE: 409,
  RATE_LIMITED: 429,
  // Mail (a reset link, an email change) asked of a core wired without a mailer: the operator's to fix.
  MAIL_UNAVAILABLE: 503,
};

/** Codes for errors hapi raises itself (routing, payload parsing, auth), so every error body has one. */
const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  421: 'MISDIRECTED_REQUEST',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one error format of the JSON API: `{ statusCode, error, message, code, details? }`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  /** Field errors (`[{ path, message }]`) or, for PRICE_CHANGED, the new quote. */
  details?: FieldError[] | object;
  /** COUPON_NOT_APPLICABLE only: why (`expired`, `not_started`, `below_minimum`, `used_up`, `per_customer_limit`, `first_order_only`, `unknown`). */
  reason?: string;
}

/** What an error becomes on the wire, for the JSON API and the HTML pages alike. */
export interface PresentedError {
  body: ErrorBody;
  /** Retry-After, Allow, WWW-Authenticate... */
  headers: Record<string, string>;
  /** True for a bug (5xx): log it; its message was replaced. */
  internal: boolean;
}

function fromDomain(error: Error & { code: ErrorCode; details: FieldError[] }): PresentedError {
  const statusCode = statusByCode[error.code];
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
  // The quote is what the customer must see before trying again, not a list of bad fields.
  const details = error instanceof PriceChangedError ? error.quote : error.details;
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: error.message, code: error.code, details };
  // 'inactive' is told as 'unknown': a switched-off code is not revealed to exist.
  if (error instanceof CouponNotApplicableError) body.reason = error.reason === 'inactive' ? 'unknown' : error.reason;
  return { body, headers, internal: false };
}

function fromBoom(boom: Boom.Boom): PresentedError {
  const { statusCode } = boom.output;
  const internal = statusCode >= 500;
  const payload = boom.output.payload;
  // Boom hides a 500's message already; make sure nothing else (data, attributes) rides along either.
  const body: ErrorBody = {
    statusCode,
    error: payload.error,
    message: internal ? 'An internal server error occurred' : payload.message,
    code: (!internal && payload.code) || (codeByStatus[statusCode] ?? (internal ? 'INTERNAL' : 'ERROR')),
    ...(!internal && payload.details !== undefined ? { details: payload.details } : {}),
  };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(boom.output.headers)) if (value !== undefined) headers[name.toLowerCase()] = String(value);
  return { body, headers, internal };
}

/**
 * The shared error presenter: a domain error keeps its message, code and details; a Boom error
 * gets a code; anything else is a 500 that says nothing about its insides.
 */
export function presentError(error: unknown): PresentedError {
  if (isDomainError(error)) return fromDomain(error);
  return fromBoom(Boom.isBoom(error) ? error : Boom.badImplementation());
}

/** The presented error as a Boom (for hosts that map errors themselves), e.g. `toBoom(error).output.payload`. */
export function toBoom(error: unknown): Boom.Boom {
  const { body, headers } = presentError(error);
  const boom = new Boom.Boom(body.message, { statusCode: body.statusCode });
  boom.output.payload = { ...body };
  Object.assign(boom.output.headers, headers);
  return boom;
}

declare module '@hapi/boom' {
  interface Payload {
    code?: string;
    details?: FieldError[] | object;
  }
}
