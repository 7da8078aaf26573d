/** One bad field: `path` is dot-joined (`items.0.quantity`), `message` is for a person. */
export interface FieldError {
  path: string;
  message: string;
}

/** Stable, public error codes. The hapi plugin maps each to an HTTP status in one table. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'OUT_OF_STOCK'
  | 'STORE_CLOSED'
  | 'BELOW_MINIMUM_ORDER'
  | 'INVALID_TRANSITION'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PRICE_CHANGED'
  | 'TOKEN_INVALID'
  | 'MAIL_UNAVAILABLE'
  | 'COUPON_NOT_APPLICABLE'
  | 'NOT_SERVICEABLE';

/** Base of every error the core throws on purpose. Anything else is a bug. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: FieldError[];

  constructor(message: string, details: FieldError[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

/** A DomainError class whose instances all have the code `C`. */
type CodedErrorClass<C extends ErrorCode> = abstract new (message: string, details?: FieldError[], options?: { cause?: unknown }) => DomainError & { readonly code: C };

/**
 * The base of a domain error with a fixed code, so each class below names its code once:
 * `class NotFoundError extends withCode('NOT_FOUND') {}`.
 */
function withCode<C extends ErrorCode>(code: C): CodedErrorClass<C> {
  abstract class CodedError extends DomainError {
    readonly code: C = code;
  }
  return CodedError;
}

export class ValidationFailedError extends withCode('VALIDATION_FAILED') {}

export class NotFoundError extends withCode('NOT_FOUND') {}

/** A unique value is taken: email, slug, SKU, or an idempotency key (details say which). */
export class ConflictError extends withCode('CONFLICT') {}

/** Wrong email/password pair, or a session or token that is unknown, expired or revoked. */
export class UnauthenticatedError extends withCode('UNAUTHENTICATED') {}

export class ForbiddenError extends withCode('FORBIDDEN') {}

export class OutOfStockError extends withCode('OUT_OF_STOCK') {}

export class StoreClosedError extends withCode('STORE_CLOSED') {}

export class BelowMinimumOrderError extends withCode('BELOW_MINIMUM_ORDER') {}

export class InvalidTransitionError extends withCode('INVALID_TRANSITION') {}

/**
 * A link token from a mail (password reset, email change) that is unknown, expired or already
 * used; which of these is not said, as it would only help someone guessing.
 */
export class TokenInvalidError extends withCode('TOKEN_INVALID') {
  constructor(message = 'This link is invalid or has expired; ask for a new one') {
    super(message, [{ path: 'token', message }]);
  }
}

/** Something must be mailed (a reset link) but this core was created without a mailer. */
export class MailUnavailableError extends withCode('MAIL_UNAVAILABLE') {
  constructor(message = 'Mail is not set up on this server, so no link can be sent') {
    super(message);
  }
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends withCode('RATE_LIMITED') {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * An idempotency key came back with another request than the one it placed. Nothing about the
 * earlier order is revealed: a guessed key must not read someone else's order.
 */
export class IdempotencyKeyReusedError extends withCode('IDEMPOTENCY_KEY_REUSED') {
  constructor() {
    super('This Idempotency-Key was already used for a different order; send a new key for a new order', [
      { path: 'idempotencyKey', message: 'Idempotency-Key was already used with another request' },
    ]);
  }
}

/** Why a coupon code does not apply; 'unknown' covers codes that do not exist and switched-off ones alike. */
export type CouponRefusal = 'unknown' | 'inactive' | 'not_started' | 'expired' | 'below_minimum' | 'used_up' | 'per_customer_limit' | 'first_order_only';

/** A coupon code the checkout cannot honour: nothing was placed (never a silent full price). */
export class CouponNotApplicableError extends withCode('COUPON_NOT_APPLICABLE') {
  readonly reason: CouponRefusal;

  constructor(reason: CouponRefusal, message: string) {
    super(message, [{ path: 'couponCode', message }]);
    this.reason = reason;
  }
}

/** The delivery address is outside the store's service area. */
export class NotServiceableError extends withCode('NOT_SERVICEABLE') {}

/** One priced line of a quote, in minor units. */
export interface QuoteLine {
  productId: string;
  variantId: string;
  name: string;
  /** The chosen option values; `{}` for a product without options. */
  options: Record<string, string>;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

/** What the cart costs now: the lines that can be bought and their totals (minor units). */
export interface Quote {
  items: QuoteLine[];
  subtotal: number;
  discount: number;
  deliveryFee: number;
  packagingFee: number;
  codFee: number;
  taxTotal: number;
  total: number;
  currency: string;
}

/**
 * The total computed at checkout is not the one the customer was shown (`expectedTotal`):
 * nothing was placed, and `quote` holds the current lines and total to show instead.
 */
export class PriceChangedError extends withCode('PRICE_CHANGED') {
  readonly quote: Quote;

  constructor(quote: Quote) {
    super('The prices in your cart have changed; please check the new total and place the order again');
    this.quote = quote;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
