import Joi from 'joi';
import { stockChanged } from '../catalog/catalog-events.js';
import { nowIso, type CoreContext } from '../context.js';
import { ConflictError, CouponNotApplicableError, DomainError, IdempotencyKeyReusedError } from '../errors.js';
import { countAttempt } from '../shared/throttle.js';
import { validate } from '../shared/validate.js';
import { resolveStoreSlug } from '../storefront/resolve-store-slug.js';
import { requestFingerprint } from './fingerprint.js';
import type { Order } from './order.js';
import { idempotencyKeySchema, placeOrderSchema } from './schemas.js';
import { writeOrder, type OrderDraft, type WrittenOrder } from './write-order.js';

export interface PlaceOrderResult {
  order: Order;
  /** false when the idempotency key named an order this same request placed earlier. */
  created: boolean;
}

export interface PlaceOrderOptions {
  /** Makes retries safe: the same key with the same request answers the first order. */
  idempotencyKey?: string | undefined;
  /** Who is ordering, for the per-address checkout limit; without it the limit is skipped (scripts, tests). */
  clientAddress?: string | undefined;
}

const keyOption = Joi.object<{ idempotencyKey: string }>({ idempotencyKey: idempotencyKeySchema });

/** The earlier order under this key, if the same request placed it; a different request learns nothing. */
function replay(earlier: Order, fingerprint: string): PlaceOrderResult {
  // An order from before fingerprints were kept (null) cannot prove it was this request.
  if (earlier.idempotencyFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  return { order: earlier, created: false };
}

/**
 * A refusal that gives the attempt back: the customer can fix it and retry at once. A coupon code
 * that found nothing stays counted, or the order endpoint would be a free way to guess codes
 * past the coupon check's own limit.
 */
function givesAttemptBack(error: unknown): boolean {
  if (!(error instanceof DomainError)) return false;
  return !(error instanceof CouponNotApplicableError && (error.reason === 'unknown' || error.reason === 'inactive'));
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof ConflictError && error.details.some((d) => d.path === 'idempotencyKey');
}

async function announce(context: CoreContext, written: WrittenOrder): Promise<void> {
  const { storeId, id } = written.order;
  await context.events.publish({ type: 'order.placed', storeId, orderId: id });
  await stockChanged(context, storeId, written.stockTaken);
  if (written.soldOut.length > 0) {
    await context.events.publish({ type: 'stock.availability-changed', storeId, productIds: written.soldOut });
  }
}

/** The order placed earlier under this key, when there is one: read only when the checkout did not go through. */
async function earlierOrder(context: CoreContext, storeId: string, idempotencyKey: string | null): Promise<Order | null> {
  if (idempotencyKey === null) return null;
  return context.persistence.orders.findByIdempotencyKey(storeId, idempotencyKey);
}

/**
 * The one checkout path (the JSON API and the page form both call it). In order: validate;
 * resolve the store; count the attempt against the client's checkout limit; then one transaction
 * prices the lines now, refuses a total other than `expectedTotal` (409 with the new quote), takes
 * the stock and writes the order. There is no lookup of the idempotency key before: the unique
 * key on (store, key) decides as the order row is written. When the checkout does not go through
 * (that unique key, or any refusal: a replay may meet a price or stock that changed since the
 * first order), the order under the key, if any, answers: the first order for the same request
 * (created: false), 409 for any other request. A replay thus costs a transaction that rolls back,
 * and on PostgreSQL the order number it took (a gap); retries are rare, checkouts are not.
 */
export async function placeOrder(context: CoreContext, slug: string, input: unknown, options: PlaceOrderOptions = {}): Promise<PlaceOrderResult> {
  const value = validate(placeOrderSchema, input);
  const idempotencyKey = options.idempotencyKey === undefined ? null : validate(keyOption, { idempotencyKey: options.idempotencyKey }).idempotencyKey;
  const fingerprint = idempotencyKey === null ? null : requestFingerprint(value);
  const { storeId } = await resolveStoreSlug(context, slug);
  const { persistence } = context;
  const limitKey = options.clientAddress ? `checkout:address:${options.clientAddress}` : null;
  let counted = false;
  try {
    counted = limitKey !== null && (await countAttempt(context.counters, limitKey, context.limits.checkout));
  } catch (error) {
    // A retry of an order placed already is not a new attempt: it still gets its order.
    const earlier = await earlierOrder(context, storeId, idempotencyKey);
    if (earlier && fingerprint !== null) return replay(earlier, fingerprint);
    throw error;
  }
  const draft: OrderDraft = { input: value, idempotencyKey, fingerprint, at: nowIso(context) };
  let written: WrittenOrder;
  try {
    written = await persistence.transaction((tx) => writeOrder(tx, storeId, draft));
  } catch (error) {
    const earlier = isDuplicateKey(error) || error instanceof DomainError ? await earlierOrder(context, storeId, idempotencyKey) : null;
    // Refused on purpose (price changed, out of stock, below the minimum, closed, invalid) or a
    // replay: no order was placed, so the attempt is given back.
    if (counted && limitKey !== null && (earlier !== null || givesAttemptBack(error))) await context.counters.decrement(limitKey);
    if (earlier === null || fingerprint === null) throw error;
    return replay(earlier, fingerprint);
  }
  await announce(context, written);
  return { order: written.order, created: true };
}
