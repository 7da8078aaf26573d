import { chargeAmount, type ChargeRule } from './charges.js';
import { couponApplies, couponDiscount, type CouponTerms } from './coupon-discount.js';
import { allocate } from './exact.js';
import { taxOn } from './tax.js';
import { rateToBasisPoints } from './tax-rate.js';

/** The largest amount (minor units) any price, line or total may reach: past it a JSON number loses paise. */
export const maxAmount = Number.MAX_SAFE_INTEGER;

/** The store settings that decide delivery and the minimum order (all minor units). */
export interface DeliveryRules {
  deliveryFee: number;
  /** Delivery is free once the goods (subtotal less the coupon discount) reach this; null: never free. */
  freeDeliveryAbove: number | null;
  /** Compared with the goods (subtotal less the coupon discount); 0: no minimum. */
  minOrderValue: number;
}

/** A line as pricing sees it: what one unit costs, how many, and its GST rate. */
export interface PricedLineInput {
  unitPrice: number;
  quantity: number;
  /** Percent; null/undefined: the store's default rate. */
  taxRate?: number | null;
}

/** Everything the store decides about a cart's price (all amounts minor units). */
export interface PricingRules extends DeliveryRules {
  packagingFee?: ChargeRule | null;
  codFee?: ChargeRule | null;
  /** null/undefined: the store charges no GST (it has no GSTIN); every tax figure is 0. */
  tax?: { pricesIncludeTax: boolean; defaultTaxRate: number } | null;
}

export type DeliveryMethod = 'delivery' | 'pickup';

/** What the customer picks at checkout that changes the price. */
export interface CartChoices {
  /** Default 'delivery'. */
  deliveryMethod?: DeliveryMethod;
  /** The COD fee is charged only for 'cod'. */
  paymentMethod?: 'cod' | 'upi' | null;
  coupon?: CouponTerms | null;
}

/** One line's share of the discount and its GST. */
export interface PricedLineTotals {
  lineTotal: number;
  discount: number;
  /** Percent; 0 without GST. */
  taxRate: number;
  taxableValue: number;
  tax: number;
}

export type ChargeKind = 'delivery' | 'packaging' | 'cod';

/** A fee as its own line, taxed at the store's default rate. */
export interface ChargeLine {
  kind: ChargeKind;
  amount: number;
  taxRate: number;
  taxableValue: number;
  tax: number;
}

/** A cart's totals, all in minor units. */
export interface CartTotals {
  /** Units in the cart. */
  count: number;
  /** Σ line totals, before the discount. */
  subtotal: number;
  /** The coupon's discount; 0 without one. */
  discount: number;
  /** False when there is no coupon or the subtotal is below its minimum. */
  couponApplied: boolean;
  deliveryFee: number;
  packagingFee: number;
  codFee: number;
  /** GST on the lines and the charges; already inside the prices when they include tax. */
  taxTotal: number;
  total: number;
  /** How much more the goods need to reach the minimum order; 0 once reached. */
  shortOfMinimum: number;
  /**
   * How much more the goods need for free delivery; 0 when the cart pays no delivery fee
   * (free already, an empty cart, pickup, a store without a fee) or when delivery is never free.
   */
  shortOfFreeDelivery: number;
  /** Same order as the input. */
  lines: PricedLineTotals[];
  /** Only charges with amount > 0, in the order delivery, packaging, cod. */
  charges: ChargeLine[];
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
 * Prices a cart under the store's rules and the customer's choices. Amounts past `maxAmount`
 * are returned as computed (not clamped): callers check `isSafeAmount(total)` and refuse the
 * order instead. The old call `priceCart(lines, deliveryRules)` prices as before: no coupon,
 * no charges, no tax.
 */
export function priceCart(lines: ReadonlyArray<PricedLineInput>, rules: PricingRules, choices: CartChoices = {}): CartTotals {
  let subtotal = 0;
  let count = 0;
  const totals = lines.map(lineTotal);
  for (const [i, line] of lines.entries()) {
    subtotal += totals[i] ?? 0;
    count += line.quantity;
  }
  const coupon = choices.coupon ?? null;
  const discount = couponDiscount(coupon, subtotal);
  const shares = allocate(discount, totals);
  // The minimum and free delivery reward what the customer pays for the goods, not the list price.
  const goods = subtotal - discount;
  const deliveryFee = (choices.deliveryMethod ?? 'delivery') === 'delivery' ? deliveryFeeFor(rules, goods, count) : 0;
  const packagingFee = chargeAmount(rules.packagingFee, subtotal, count);
  const codFee = choices.paymentMethod === 'cod' ? chargeAmount(rules.codFee, subtotal, count) : 0;

  const tax = rules.tax ?? null;
  const taxed = (amount: number, rate: number) => {
    if (!tax) return { taxRate: 0, taxableValue: amount, tax: 0 };
    const { taxable, tax: due } = taxOn(amount, rateToBasisPoints(rate), tax.pricesIncludeTax);
    return { taxRate: rate, taxableValue: taxable, tax: due };
  };
  const pricedLines = lines.map((line, i): PricedLineTotals => {
    const total = totals[i] ?? 0;
    const share = shares[i] ?? 0;
    return { lineTotal: total, discount: share, ...taxed(total - share, line.taxRate ?? tax?.defaultTaxRate ?? 0) };
  });
  // Fees follow the store's default rate: a delivery or packing service is supplied with the goods.
  const fees: Array<[ChargeKind, number]> = [['delivery', deliveryFee], ['packaging', packagingFee], ['cod', codFee]];
  const charges = fees
    .filter(([, amount]) => amount > 0)
    .map(([kind, amount]): ChargeLine => ({ kind, amount, ...taxed(amount, tax?.defaultTaxRate ?? 0) }));

  let taxTotal = 0;
  for (const line of pricedLines) taxTotal += line.tax;
  for (const charge of charges) taxTotal += charge.tax;
  const exclusiveTax = tax && !tax.pricesIncludeTax ? taxTotal : 0;
  return {
    count,
    subtotal,
    discount,
    couponApplied: couponApplies(coupon, subtotal),
    deliveryFee,
    packagingFee,
    codFee,
    taxTotal,
    total: goods + deliveryFee + packagingFee + codFee + exclusiveTax,
    shortOfMinimum: Math.max(0, rules.minOrderValue - goods),
    shortOfFreeDelivery: shortOfFreeDeliveryFor(rules, goods, deliveryFee),
    lines: pricedLines,
    charges,
  };
}
