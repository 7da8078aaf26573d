import type { Product, ProductVariant, StockLine } from '../catalog/product.js';
import { variantLabel } from '../catalog/variant-summary.js';
import { couponNotApplicable } from '../coupons/coupon-not-applicable.js';
import { couponRefusal } from '../coupons/coupon-refusal.js';
import { couponTerms, limitsNothing, type CouponAtCheckout, type CouponUse } from '../coupons/coupon.js';
import { NotFoundError, OutOfStockError, StoreClosedError } from '../errors.js';
import { financialYearOf } from '../india/financial-year.js';
import type { DeliveryMethod } from '../pricing/index.js';
import { checkoutCustomer } from './checkout-customer.js';
import { splitTax } from './tax-split.js';
import { assertPaymentOffered } from './payment-offered.js';
import { orderEvent, recordLowStock, recordOrderEvent } from '../outbox/order-events.js';
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

/** Whether the supply goes to another state than the store's (IGST); unknown states count as the same. */
function crossesStates(store: Store, placeOfSupply: string | null): boolean {
  return store.state !== null && placeOfSupply !== null && placeOfSupply !== store.state;
}

function newOrder(store: Store, priced: PricedOrder, draft: OrderDraft, checked: CheckoutParty): Order {
  const { input, at } = draft;
  const status = store.autoAcceptOrders ? 'accepted' : 'pending';
  const { totals } = priced;
  return {
    id: newId(),
    storeId: store.id,
    number: 0,
    token: newToken(18),
    status,
    customer: checked.customer,
    items: priced.lines,
    subtotal: totals.subtotal,
    deliveryMethod: checked.deliveryMethod,
    discount: totals.discount,
    coupon: checked.coupon ? { code: checked.coupon.code } : null,
    deliveryFee: totals.deliveryFee,
    packagingFee: totals.packagingFee,
    codFee: totals.codFee,
    charges: totals.charges.map(({ kind, amount, taxRate, taxableValue, tax }) => ({ kind, amount, taxRate, taxableValue, tax })),
    taxTotal: totals.taxTotal,
    tax: splitTax(totals.taxTotal, crossesStates(store, checked.placeOfSupply)),
    pricesIncludeTax: store.pricesIncludeTax,
    sellerGstin: store.gstin,
    placeOfSupply: checked.placeOfSupply,
    invoice: null,
    total: totals.total,
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

/** Who the order is for and how it reaches them, as the store's rules accept it. */
interface CheckoutParty {
  customer: Order['customer'];
  placeOfSupply: string | null;
  deliveryMethod: DeliveryMethod;
  coupon: CouponAtCheckout | null;
}

/** The coupon named at checkout, refused (409) unless it applies to these items now; null without a code. */
async function findCoupon(tx: Repositories, store: Store, input: PlaceOrderInput, itemsSubtotal: number, at: string): Promise<CouponAtCheckout | null> {
  if (!input.couponCode) return null;
  const coupon = await tx.coupons.findForCheckout(store.id, input.couponCode);
  const refusal = couponRefusal(coupon, at, itemsSubtotal);
  if (refusal !== null) throw couponNotApplicable(refusal, coupon, store.currency, { itemsSubtotal, timeZone: store.timeZone, at });
  return coupon;
}

/** Counts the coupon's use in the transaction, or refuses the order (409) when the coupon's limits say so. */
async function claimCoupon(tx: Repositories, coupon: CouponAtCheckout, phone: string, store: Store, at: string): Promise<void> {
  const claim = await tx.coupons.claim(coupon, phone);
  if (claim !== 'claimed') throw couponNotApplicable(claim, coupon, store.currency, { timeZone: store.timeZone, at });
}

/**
 * The whole order in one transaction: the store's rules, the customer and address, prices at
 * this moment (coupon, charges and GST included), stock, the coupon's use, number, rows, and the
 * invoice when the store accepts orders by itself. Any throw (a changed price included) rolls
 * back and leaves nothing behind: no stock taken, no coupon use counted, no invoice number spent.
 * The order number is taken after the stock and the coupon's limits, so refusals never spend one; on PostgreSQL it comes from a
 * sequence, which does not roll back, so a failure after it (a replayed idempotency key, a failed
 * commit) leaves a gap in the store's order numbers (never in its invoice numbers).
 */
export async function writeOrder(tx: Repositories, storeId: string, draft: OrderDraft): Promise<WrittenOrder> {
  const store = await tx.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  if (!store.isOpen) throw new StoreClosedError(`${store.name} is not taking orders right now`);
  const { input, at } = draft;
  assertPaymentOffered(store, input.paymentMethod);
  const deliveryMethod = input.deliveryMethod ?? 'delivery';
  const { customer, placeOfSupply } = checkoutCustomer(input.customer, store, deliveryMethod);
  const found = await tx.products.findByIds(storeId, [...new Set(input.items.map((i) => i.productId))]);
  const products = new Map(found.map((p) => [p.id, p]));
  const plain = priceOrder(input, products, store, { deliveryMethod, coupon: null });
  const coupon = await findCoupon(tx, store, input, plain.totals.subtotal, at);
  const priced = coupon ? priceOrder(input, products, store, { deliveryMethod, coupon: couponTerms(coupon) }) : plain;
  assertOrderable(input, priced, store);
  const wanted = stockLines(priced.lines);
  const variants = variantIndex(products);
  const short = await tx.products.takeStock(storeId, wanted);
  if (short.length > 0) throw outOfStock(short, variants, priced.lines, input);
  // Claimed after the stock: an order refused for stock never counts a use. A coupon that limits
  // something is claimed before the number, so an order it refuses spends none. One that limits
  // nothing cannot refuse: it is not claimed at all, and its use is written with the order
  // (insertPlaced) without touching the coupon's row, whose lock every checkout with the
  // code would otherwise queue on until commit (PostgreSQL).
  const free = coupon !== null && limitsNothing(coupon);
  if (coupon && !free) await claimCoupon(tx, coupon, customer.phone, store, at);
  const order = newOrder(store, priced, draft, { customer, placeOfSupply, deliveryMethod, coupon });
  const use: CouponUse | null = coupon ? { couponId: coupon.id, storeId, orderId: order.id, phone: customer.phone, at } : null;
  // Numbered only now, after the stock and the coupon's limits passed: a refused order spends no number. The
  // number, the rows, a free coupon's use and the event go in one step (PostgreSQL: one statement),
  // without a store-wide lock until commit. An accepted order's event carries its invoice, issued after.
  const accepted = order.status === 'accepted';
  const written = await tx.orders.insertPlaced(order, {
    freeCouponUse: free ? use : null,
    event: accepted ? null : (number) => orderEvent('order.placed', { ...order, number }),
  });
  order.number = written.number;
  if (coupon && use && !free) await tx.coupons.recordUse(use);
  // A limit set (or the coupon deleted) since it was read is still obeyed: the coupon is then
  // claimed as a limited one. That rare refusal comes after the number, which PostgreSQL skips.
  if (coupon && use && free && !written.couponUseRecorded) {
    await claimCoupon(tx, coupon, customer.phone, store, at);
    await tx.coupons.recordUse(use);
  }
  if (accepted) {
    order.invoice = await tx.orders.assignInvoice(storeId, order.id, financialYearOf(at, store.timeZone), at);
    await recordOrderEvent(tx, 'order.placed', order);
  }
  await recordLowStock(tx, variants, wanted, store.currency, draft.at);
  const tracked = wanted.filter((line) => variants.get(line.variantId)?.variant.stock != null);
  const soldOut = tracked.filter((line) => (variants.get(line.variantId)?.variant.stock ?? 0) - line.quantity <= 0);
  const productOf = (line: StockLine) => variants.get(line.variantId)?.product.id ?? '';
  return { order, stockTaken: [...new Set(tracked.map(productOf))], soldOut: [...new Set(soldOut.map(productOf))] };
}
