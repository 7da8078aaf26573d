import type { Product } from '../catalog/product.js';
import { findVariant } from '../catalog/variant-summary.js';
import {
  BelowMinimumOrderError,
  PriceChangedError,
  ValidationFailedError,
  type FieldError,
  type Quote,
} from '../errors.js';
import { formatMoney, isSafeAmount, lineTotal, priceCart, storePricingRules, type CartTotals, type CouponTerms, type DeliveryMethod } from '../pricing/index.js';
import type { Store } from '../vendors/vendor.js';
import type { OrderLine } from './order.js';
import type { PlaceOrderInput } from './schemas.js';

/** A checkout priced at this moment by the pricing module: the lines that can be sold, and what cannot. */
export interface PricedOrder {
  lines: OrderLine[];
  /** One detail per line whose product is gone, hidden or another store's. */
  unavailable: FieldError[];
  totals: CartTotals;
  quote: Quote;
}

/** What the customer chose that changes the price besides the lines. */
export interface OrderChoices {
  deliveryMethod: DeliveryMethod;
  coupon: CouponTerms | null;
}

/** A line's variant, or why it cannot be sold. */
function variantOf(product: Product, variantId: string | undefined, index: number): { variant: ReturnType<typeof findVariant>; problem: FieldError | null } {
  const variant = findVariant(product, variantId);
  if (variant === null && variantId === undefined) {
    const names = product.options.map((o) => o.name).join(', ');
    return { variant, problem: { path: `items.${index}.variantId`, message: `Choose the ${names} of ${product.name} (variantId is required for a product with options)` } };
  }
  if (variant === null || !variant.active) {
    return { variant: null, problem: { path: `items.${index}.variantId`, message: `This choice of ${product.name} is not available` } };
  }
  return { variant, problem: null };
}

/**
 * Prices every line that names an active product (and an available variant of it) of this
 * store; the others are reported, not priced. Every amount comes from `priceCart`, the function
 * the browser runs on the same rules, so the total shown is the total charged.
 */
export function priceOrder(input: PlaceOrderInput, products: ReadonlyMap<string, Product>, store: Store, choices: OrderChoices): PricedOrder {
  const unavailable: FieldError[] = [];
  const sold: Array<{ product: Product; variant: NonNullable<ReturnType<typeof findVariant>>; quantity: number }> = [];
  input.items.forEach((item, index) => {
    const product = products.get(item.productId);
    if (!product || !product.active) {
      unavailable.push({ path: `items.${index}.productId`, message: 'This product is not available in this store' });
      return;
    }
    const { variant, problem } = variantOf(product, item.variantId, index);
    if (problem || !variant) {
      if (problem) unavailable.push(problem);
      return;
    }
    sold.push({ product, variant, quantity: item.quantity });
  });
  const totals = priceCart(
    sold.map(({ product, variant, quantity }) => ({ unitPrice: variant.price, quantity, taxRate: product.taxRate })),
    storePricingRules(store),
    { deliveryMethod: choices.deliveryMethod, paymentMethod: input.paymentMethod, coupon: choices.coupon },
  );
  const lines: OrderLine[] = sold.map(({ product, variant, quantity }, index) => {
    const priced = totals.lines[index];
    const unit = { unitPrice: variant.price, quantity };
    return {
      productId: product.id,
      variantId: variant.id,
      name: product.name,
      options: { ...variant.options },
      sku: variant.sku,
      ...unit,
      lineTotal: priced?.lineTotal ?? lineTotal(unit),
      taxRate: priced?.taxRate ?? 0,
      hsnCode: product.hsnCode,
      discount: priced?.discount ?? 0,
      taxableValue: priced?.taxableValue ?? lineTotal(unit),
      tax: priced?.tax ?? 0,
    };
  });
  const quote: Quote = {
    items: lines,
    subtotal: totals.subtotal,
    discount: totals.discount,
    deliveryFee: totals.deliveryFee,
    packagingFee: totals.packagingFee,
    codFee: totals.codFee,
    taxTotal: totals.taxTotal,
    total: totals.total,
    currency: store.currency,
  };
  return { lines, unavailable, totals, quote };
}

/**
 * The checks on a priced order, in the order a customer should hear them: lines that cannot be
 * sold (unless the caller knows what it showed: then the changed cart is a changed price),
 * amounts past what JSON and the columns hold, a total other than the one shown, the minimum.
 */
export function assertOrderable(input: PlaceOrderInput, priced: PricedOrder, store: Store): void {
  const { unavailable, totals } = priced;
  if (unavailable.length > 0 && input.expectedTotal === undefined) {
    throw new ValidationFailedError('Some products cannot be ordered', unavailable);
  }
  const amounts = [...priced.lines.map((line) => line.lineTotal), totals.subtotal, totals.taxTotal, totals.total];
  if (!amounts.every(isSafeAmount)) {
    throw new ValidationFailedError('The order is too large', [{ path: 'items', message: 'The order total is more than one order can carry; split it into smaller orders' }]);
  }
  if (input.expectedTotal !== undefined && (unavailable.length > 0 || totals.total !== input.expectedTotal)) {
    throw new PriceChangedError(priced.quote);
  }
  if (totals.shortOfMinimum > 0) {
    throw new BelowMinimumOrderError(`The minimum order is ${formatMoney(store.minOrderValue, store.currency)}`, [
      { path: 'items', message: `Add ${formatMoney(totals.shortOfMinimum, store.currency)} more to reach the minimum order` },
    ]);
  }
}
