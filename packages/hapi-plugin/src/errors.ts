import Boom from '@hapi/boom';
import { isDomainError, RateLimitedError, type ErrorCode } from '@dukaan-kit/core';

/** The one place a domain error code becomes an HTTP status. */
const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BELOW_MINIMUM_ORDER: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  STORE_CLOSED: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
};

/** Codes for errors hapi raises itself (routing, payload parsing, auth), so every error body has one. */
const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * Turns whatever a handler threw into the API's error body: a domain error keeps its message,
 * code and details; a Boom error gets a code; anything else is a 500 that says nothing inside.
 */
export function toBoom(error: Error): Boom.Boom {
  if (isDomainError(error)) {
    const boom = new Boom.Boom(error.message, { statusCode: statusByCode[error.code] });
    boom.output.payload.code = error.code;
    boom.output.payload.details = error.details;
    if (error instanceof RateLimitedError) boom.output.headers['Retry-After'] = String(error.retryAfterSeconds);
    return boom;
  }
  const boom = Boom.isBoom(error) ? error : Boom.badImplementation();
  if (boom.output.statusCode >= 500) {
    // Boom already hides the message of a 500; make sure no data rides along either.
    boom.output.payload = { statusCode: boom.output.statusCode, error: boom.output.payload.error, message: 'An internal server error occurred' };
  }
  boom.output.payload.code ??= codeByStatus[boom.output.statusCode] ?? (boom.output.statusCode >= 500 ? 'INTERNAL' : 'ERROR');
  return boom;
}

declare module '@hapi/boom' {
  interface Payload {
    code?: string;
    details?: Array<{ path: string; message: string }>;
  }
}
