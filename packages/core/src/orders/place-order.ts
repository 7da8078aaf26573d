import Joi from 'joi';
import { nowIso, type CoreContext } from '../context.js';
import {
  BelowMinimumOrderError,
  ConflictError,
  NotFoundError,
  OutOfStockError,
  StoreClosedError,
  ValidationFailedError,
  type FieldError,
} from '../errors.js';
import type { Product, StockLine } from '../catalog/product.js';
import type { Repositories } from '../persistence.js';
import { newId, newToken } from '../shared/id.js';
import { resolveStoreSlug } from '../storefront/get-store-view.js';
import { validate } from '../shared/validate.js';
import type { Store } from '../vendors/vendor.js';
import type { Order, OrderLine } from './order.js';
import { deliveryFeeFor } from './pricing.js';
import { idempotencyKeySchema, placeOrderSchema, type PlaceOrderInput } from './schemas.js';

export interface PlaceOrderResult {
  order: Order;
  /** false when the idempotency key named an order placed earlier. */
  created: boolean;
}

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency }).format(amount / 100);
}

/** Every line must name an active product of this store; all bad lines are reported at once. */
function priceLines(input: PlaceOrderInput, products: Map<string, Product>): OrderLine[] {
  const details: FieldError[] = [];
  const lines = input.items.map((item, index) => {
    const product = products.get(item.productId);
    if (!product || !product.active) {
      details.push({ path: `items.${index}.productId`, message: 'this product is not available in this store' });
      return null;
    }
    return { productId: product.id, name: product.name, unitPrice: product.price, quantity: item.quantity, lineTotal: product.price * item.quantity };
  });
  if (details.length > 0) throw new ValidationFailedError('Some products cannot be ordered', details);
  return lines.filter((line): line is OrderLine => line !== null);
}

/** Quantities per product, duplicates merged, so stock is checked against the whole order. */
function stockLines(lines: OrderLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}

function outOfStock(short: string[], products: Map<string, Product>, input: PlaceOrderInput): OutOfStockError {
  const first = products.get(short[0] ?? '');
  const left = first?.stock ?? 0;
  const message = left > 0 ? `Only ${left} of ${first?.name} left` : `${first?.name ?? 'A product'} is sold out`;
  const details = input.items.flatMap((item, index) =>
    short.includes(item.productId) ? [{ path: `items.${index}.quantity`, message: `only ${products.get(item.productId)?.stock ?? 0} left` }] : [],
  );
  return new OutOfStockError(message, details);
}

interface Draft {
  input: PlaceOrderInput;
  idempotencyKey: string | null;
  at: string;
}

/** The whole order in one transaction: prices, stock, number, rows. Any throw leaves nothing behind. */
async function writeOrder(tx: Repositories, storeId: string, draft: Draft): Promise<{ order: Order; soldOut: string[] }> {
  const store: Store | null = await tx.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  if (!store.isOpen) throw new StoreClosedError(`${store.name} is not taking orders right now`);
  const { input } = draft;
  const products = new Map((await tx.products.findByIds(storeId, [...new Set(input.items.map((i) => i.productId))])).map((p) => [p.id, p]));
  const items = priceLines(input, products);
  const subtotal = items.reduce((sum, line) => sum + line.lineTotal, 0);
  if (subtotal < store.minOrderValue) {
    throw new BelowMinimumOrderError(`The minimum order is ${money(store.minOrderValue, store.currency)}`, [
      { path: 'items', message: `add ${money(store.minOrderValue - subtotal, store.currency)} more to reach the minimum order` },
    ]);
  }
  const wanted = stockLines(items);
  const short = await tx.products.takeStock(storeId, wanted);
  if (short.length > 0) throw outOfStock(short, products, input);
  const deliveryFee = deliveryFeeFor(store, subtotal);
  const status = store.autoAcceptOrders ? 'accepted' : 'pending';
  const order: Order = {
    id: newId(),
    storeId,
    number: 0,
    token: newToken(18),
    status,
    customer: { ...input.customer, email: input.customer.email || null },
    items,
    subtotal,
    deliveryFee,
    total: subtotal + deliveryFee,
    currency: store.currency,
    paymentMethod: input.paymentMethod,
    note: input.note || null,
    idempotencyKey: draft.idempotencyKey,
    history: status === 'accepted' ? [{ status: 'pending', at: draft.at }, { status, at: draft.at }] : [{ status, at: draft.at }],
    createdAt: draft.at,
    updatedAt: draft.at,
  };
  // The store row stays locked from here to commit: the adapter numbers and writes in one step.
  order.number = await tx.orders.insertWithNextNumber(order);
  const soldOut = wanted.filter((line) => {
    const stock = products.get(line.productId)?.stock;
    return stock !== null && stock !== undefined && stock - line.quantity <= 0;
  });
  return { order, soldOut: soldOut.map((line) => line.productId) };
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof ConflictError && error.details.some((d) => d.path === 'idempotencyKey');
}

/**
 * Places a customer's order through the store link. With an idempotency key, the same key
 * returns the first order (created: false) however many times and however concurrently it
 * arrives: the database's unique key decides the race, the loser reads the winner's order.
 */
export async function placeOrder(
  context: CoreContext,
  slug: string,
  input: unknown,
  options: {
    idempotencyKey?: string | undefined;
    /** Runs once the key is known to be new, before anything is written (e.g. a rate limit); may throw to refuse. */
    beforeCreate?: (() => Promise<void>) | undefined;
  } = {},
): Promise<PlaceOrderResult> {
  const value = validate(placeOrderSchema, input);
  const idempotencyKey =
    options.idempotencyKey === undefined ? null : validate(Joi.object<{ idempotencyKey: string }>({ idempotencyKey: idempotencyKeySchema }), { idempotencyKey: options.idempotencyKey }).idempotencyKey;
  const { persistence } = context;
  const { storeId } = await resolveStoreSlug(context, slug);
  if (idempotencyKey) {
    const earlier = await persistence.orders.findByIdempotencyKey(storeId, idempotencyKey);
    if (earlier) return { order: earlier, created: false };
  }
  await options.beforeCreate?.();
  const draft = { input: value, idempotencyKey, at: nowIso(context) };
  let result: { order: Order; soldOut: string[] };
  try {
    result = await persistence.transaction((tx) => writeOrder(tx, storeId, draft));
  } catch (error) {
    if (!idempotencyKey || !isDuplicateKey(error)) throw error;
    const winner = await persistence.orders.findByIdempotencyKey(storeId, idempotencyKey);
    if (!winner) throw error;
    return { order: winner, created: false };
  }
  await context.events.publish({ type: 'order.placed', storeId, orderId: result.order.id });
  if (result.soldOut.length > 0) {
    await context.events.publish({ type: 'stock.availability-changed', storeId, productIds: result.soldOut });
  }
  return { order: result.order, created: true };
}

/**
 * The order an idempotency key already placed at this store, or null; lets a caller answer a
 * retry before spending anything on it (a rate-limit attempt, a transaction).
 */
export async function findPlacedOrder(context: CoreContext, slug: string, idempotencyKey: string): Promise<Order | null> {
  const { storeId } = await resolveStoreSlug(context, slug);
  return context.persistence.orders.findByIdempotencyKey(storeId, idempotencyKey);
}
