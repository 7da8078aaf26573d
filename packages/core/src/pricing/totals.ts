/** The largest amount (minor units) any price, line or total may reach: past it a JSON number loses paise. */
export const maxAmount = Number.MAX_SAFE_INTEGER;

/** The store settings that decide delivery and the minimum order (all minor units). */
export interface DeliveryRules {
  deliveryFee: number;
  /** Delivery is free once the subtotal reaches this; null: never free. */
  freeDeliveryAbove: number | null;
  /** Compared with the subtotal; 0: no minimum. */
  minOrderValue: number;
}

/** A line as pricing sees it: what one unit costs and how many. */
export interface PricedLineInput {
  unitPrice: number;
  quantity: number;
}

/** A cart's totals, all in minor units. */
export interface CartTotals {
  /** Units in the cart. */
  count: number;
  subtotal: number;
  deliveryFee: number;
  total: number;
  /** How much more the subtotal needs to reach the minimum order; 0 once reached. */
  shortOfMinimum: number;
  /**
   * How much more the subtotal needs for free delivery; 0 when the cart pays no delivery fee
   * (free already, an empty cart, a store without a fee) or when delivery is never free.
   */
  shortOfFreeDelivery: number;
}

/** True for a whole, non-negative amount that survives JSON without losing a unit. */
export function isSafeAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0;
}

export function lineTotal(line: PricedLineInput): number {
  return line.unitPrice * line.quantity;
}

/** Delivery is free once the subtotal reaches the threshold; an empty cart delivers nothing. */
export function deliveryFeeFor(rules: Pick<DeliveryRules, 'deliveryFee' | 'freeDeliveryAbove'>, subtotal: number, count = 1): number {
  if (count === 0) return 0;
  return rules.freeDeliveryAbove !== null && subtotal >= rules.freeDeliveryAbove ? 0 : rules.deliveryFee;
}

/** How far a subtotal that pays `deliveryFee` is from free delivery (see CartTotals.shortOfFreeDelivery). */
export function shortOfFreeDeliveryFor(rules: Pick<DeliveryRules, 'freeDeliveryAbove'>, subtotal: number, deliveryFee: number): number {
  if (deliveryFee === 0 || rules.freeDeliveryAbove === null) return 0;
  return Math.max(0, rules.freeDeliveryAbove - subtotal);
}

/** Whole percent saved against the MRP (compare-at price); 0 when there is no higher MRP. */
export function discountPercent(price: number, compareAtPrice: number | null): number {
  if (compareAtPrice === null || compareAtPrice <= price || compareAtPrice <= 0) return 0;
  return Math.round(((compareAtPrice - price) / compareAtPrice) * 100);
}

/**
 * Prices a cart under the store's rules. Amounts past `maxAmount` are returned as computed
 * (not clamped): callers check `isSafeAmount(total)` and refuse the order instead.
 */
export function priceCart(lines: ReadonlyArray<PricedLineInput>, rules: DeliveryRules): CartTotals {
  let subtotal = 0;
  let count = 0;
  for (const line of lines) {
    subtotal += lineTotal(line);
    count += line.quantity;
  }
  const deliveryFee = deliveryFeeFor(rules, subtotal, count);
  return {
    count,
    subtotal,
    deliveryFee,
    total: subtotal + deliveryFee,
    shortOfMinimum: Math.max(0, rules.minOrderValue - subtotal),
    shortOfFreeDelivery: shortOfFreeDeliveryFor(rules, subtotal, deliveryFee),
  };
}
