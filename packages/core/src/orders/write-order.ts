import type { Product, ProductVariant, StockLine } from '../catalog/product.js';
import { variantLabel } from '../catalog/variant-summary.js';
import { NotFoundError, OutOfStockError, StoreClosedError } from '../errors.js';
import { assertPaymentOffered } from './payment-offered.js';
import { recordLowStock, recordOrderEvent } from '../outbox/order-events.js';
import type { Repositories } from '../persistence.js';
import { newId, newToken } from '../shared/id.js';
import type { Store } from '../vendors/vendor.js';
import type { Order, OrderLine } from './order.js';
import { assertOrderable, priceOrder, type PricedOrder } from './price-order.js';
import type { PlaceOrderInput } from './schemas.js';

/** A checkout ready to be written: the validated input and what identifies it. */
export interface OrderDraft {
  input: PlaceOrderInput;
  idempotencyKey: string | null;
  fingerprint: string | null;
  at: string;
}

/** What was written, and which products' stock it changed. */
export interface WrittenOrder {
  order: Order;
  /** Tracked products whose stock was taken. */
  stockTaken: string[];
  /** Of those, the ones this order sold out. */
  soldOut: string[];
}

/** Quantities per variant, duplicates merged, so stock is checked against the whole order. */
function stockLines(lines: OrderLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return [...totals].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/** Every variant of the products, by id, with its product. */
function variantIndex(products: ReadonlyMap<string, Product>): Map<string, { product: Product; variant: ProductVariant }> {
  const index = new Map<string, { product: Product; variant: ProductVariant }>();
  for (const product of products.values()) for (const variant of product.variants) index.set(variant.id, { product, variant });
  return index;
}

function outOfStock(short: string[], variants: ReturnType<typeof variantIndex>, lines: OrderLine[], input: PlaceOrderInput): OutOfStockError {
  const first = variants.get(short[0] ?? '');
  const left = first?.variant.stock ?? 0;
  const label = first ? variantLabel(first.product.name, first.variant.options) : 'A product';
  const message = left > 0 ? `Only ${left} of ${label} left` : `${label} is sold out`;
  const details = input.items.flatMap((item, index) => {
    const line = lines.find((l) => l.productId === item.productId && (item.variantId === undefined || l.variantId === item.variantId));
    if (!line || !short.includes(line.variantId)) return [];
    return [{ path: `items.${index}.quantity`, message: `Only ${variants.get(line.variantId)?.variant.stock ?? 0} left` }];
  });
  return new OutOfStockError(message, details);
}

function newOrder(store: Store, priced: PricedOrder, draft: OrderDraft): Order {
  const { input, at } = draft;
  const status = store.autoAcceptOrders ? 'accepted' : 'pending';
  return {
    id: newId(),
    storeId: store.id,
    number: 0,
    token: newToken(18),
    status,
    customer: {
      name: input.customer.name,
      phone: input.customer.phone,
      email: input.customer.email || null,
      address: input.customer.address,
      pincode: input.customer.pincode,
    },
    items: priced.lines,
    subtotal: priced.totals.subtotal,
    deliveryFee: priced.totals.deliveryFee,
    total: priced.totals.total,
    currency: store.currency,
    paymentMethod: input.paymentMethod,
    payment: { method: input.paymentMethod, status: 'pending', reference: null, updatedAt: at },
    note: input.note || null,
    idempotencyKey: draft.idempotencyKey,
    idempotencyFingerprint: draft.fingerprint,
    customerErasedAt: null,
    history: status === 'accepted' ? [{ status: 'pending', at, reason: null }, { status, at, reason: null }] : [{ status, at, reason: null }],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The whole order in one transaction: the store's rules, prices at this moment, stock, number,
 * rows. Any throw (a changed price included) rolls back and leaves nothing behind.
 */
export async function writeOrder(tx: Repositories, storeId: string, draft: OrderDraft): Promise<WrittenOrder> {
  const store = await tx.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  if (!store.isOpen) throw new StoreClosedError(`${store.name} is not taking orders right now`);
  const { input } = draft;
  assertPaymentOffered(store, input.paymentMethod);
  const found = await tx.products.findByIds(storeId, [...new Set(input.items.map((i) => i.productId))]);
  const products = new Map(found.map((p) => [p.id, p]));
  const priced = priceOrder(input, products, store);
  assertOrderable(input, priced, store);
  const wanted = stockLines(priced.lines);
  const variants = variantIndex(products);
  const short = await tx.products.takeStock(storeId, wanted);
  if (short.length > 0) throw outOfStock(short, variants, priced.lines, input);
  const order = newOrder(store, priced, draft);
  // The store row stays locked from here to commit: the adapter numbers and writes in one step.
  order.number = await tx.orders.insertWithNextNumber(order);
  await recordOrderEvent(tx, 'order.placed', order);
  await recordLowStock(tx, variants, wanted, store.currency, draft.at);
  const tracked = wanted.filter((line) => variants.get(line.variantId)?.variant.stock != null);
  const soldOut = tracked.filter((line) => (variants.get(line.variantId)?.variant.stock ?? 0) - line.quantity <= 0);
  const productOf = (line: StockLine) => variants.get(line.variantId)?.product.id ?? '';
  return { order, stockTaken: [...new Set(tracked.map(productOf))], soldOut: [...new Set(soldOut.map(productOf))] };
}
