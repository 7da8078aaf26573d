// The checkout island's words: which catalogue texts it gets, and the one message per field a
// refusal shows. The server (no-JS form) and the API both refuse with core's wording, which names
// the rule ("Name is required"); the page says instead what to do, in the page's language, and
// decides it from the field and what was typed, so both paths read the same.
import { formatMoney, type CouponTerms } from '@dukaan-kit/core/pricing';
import type { MessageValues } from '@dukaan-kit/core/i18n';
import type { MessageKey } from '../i18n/catalogue.js';
import type { IslandMessages } from '../i18n/context.js';

/** Every checkout text the island formats (`checkout.page.*` is the server's alone). */
export type CheckoutKey = Exclude<Extract<MessageKey, `checkout.${string}`>, `checkout.page.${string}`>;
export type CheckoutMessages = IslandMessages<CheckoutKey>;
export type CheckoutT = (key: CheckoutKey, values?: MessageValues) => string;

/** What decides a field's message besides the field and the value typed. */
export interface FieldContext {
  /** An INR store: Indian mobile numbers and PIN codes. */
  india: boolean;
  storeName: string;
  pickupOffered: boolean;
}

const validPincode = /^[1-9]\d{5}$/;

/**
 * The PIN code's message: missing, starting with 0 (no Indian PIN does), not 6 digits, or (a
 * well-formed one refused) outside the shop's delivery area.
 */
function pincodeMessage(t: CheckoutT, typed: string, c: FieldContext): string {
  const v = typed.replace(/\s+/g, '');
  if (!v) return t(c.india ? 'checkout.error.pincodeMissing' : 'checkout.error.postcodeMissing');
  if (v.startsWith('0')) return t('checkout.error.pincodeZero');
  if (!validPincode.test(v)) return t('checkout.error.pincodeShape');
  return t(c.pickupOffered ? 'checkout.error.notServiceablePickup' : 'checkout.error.notServiceable', { store: c.storeName, pincode: v });
}

const simple: Partial<Record<string, CheckoutKey>> = {
  name: 'checkout.error.name',
  email: 'checkout.error.email',
  house: 'checkout.error.house',
  street: 'checkout.error.street',
  city: 'checkout.error.city',
  state: 'checkout.error.state',
  address: 'checkout.error.address',
  note: 'checkout.error.note',
  deliveryMethod: 'checkout.error.deliveryMethod',
  paymentMethod: 'checkout.error.paymentMethod',
};

/**
 * The message beside `field` after a refusal: ours for every field the form has; `raw` (already
 * in the page's language: a coupon refusal) for any other.
 */
export function fieldMessage(t: CheckoutT, field: string, typed: string, raw: string, c: FieldContext): string {
  if (field === 'pincode') return pincodeMessage(t, typed, c);
  if (field === 'phone') return t(c.india ? 'checkout.error.phoneIndia' : 'checkout.error.phoneOther');
  const key = simple[field];
  return key ? t(key) : raw;
}

/** The message beside a cart line refused for its stock: core says "Only 3 left" (0 when sold out). */
export function lineMessage(t: CheckoutT, raw: string): string {
  const left = Number(/(\d+)/.exec(raw)?.[1] ?? '0');
  return left > 0 ? t('checkout.line.onlyLeft', { left }) : t('checkout.line.soldOut');
}

/**
 * An OUT_OF_STOCK refusal above the form: core names the first short item in English ("Only 2 of
 * Masala Chai left", "Masala Chai is sold out"); the name and count go into the page's sentence.
 */
export function outOfStockMessage(t: CheckoutT, raw: string): string {
  const only = /^Only (\d+) of (.+) left$/.exec(raw.trim());
  if (only) return t('checkout.error.onlyLeftOf', { left: Number(only[1]), name: only[2]! });
  const soldOut = /^(.+) is sold out$/.exec(raw.trim());
  if (soldOut) return t('checkout.error.soldOutNamed', { name: soldOut[1]! });
  return t('checkout.error.outOfStock');
}

/** What a coupon gives, in a phrase: "10% off (up to ₹100.00) on ₹500.00 or more". */
export function couponTermsText(t: CheckoutT, terms: CouponTerms, currency: string): string {
  const money = (n: number) => formatMoney(n, currency);
  const off =
    terms.type === 'percent'
      ? terms.maxDiscount !== null
        ? t('checkout.coupon.percentOffCapped', { value: terms.value, cap: money(terms.maxDiscount) })
        : t('checkout.coupon.percentOff', { value: terms.value })
      : t('checkout.coupon.amountOff', { amount: money(terms.value) });
  return terms.minOrderValue > 0 ? t('checkout.coupon.withMinimum', { off, minimum: money(terms.minOrderValue) }) : off;
}

/** The first amount of money in core's English sentence ("Add ₹50.00 more to use SAVE10"), for ours. */
function amountIn(message: string): string | null {
  return /(?:[₹$€£]|[A-Z]{3}\s?)\s?\d[\d,]*(?:\.\d+)?/.exec(message)?.[0] ?? null;
}

/**
 * A coupon refusal in the page's language, from the API's `reason` (COUPON_NOT_APPLICABLE) and
 * the code; the API's own sentence carries the amount still missing for a minimum.
 */
export function couponRefusal(t: CheckoutT, reason: string | undefined, code: string, message: string): string {
  switch (reason) {
    case 'not_started':
      return t('checkout.coupon.notStarted', { code });
    case 'expired':
      return t('checkout.coupon.expired', { code });
    case 'below_minimum': {
      const amount = amountIn(message);
      return amount ? t('checkout.coupon.belowMinimum', { code, amount }) : t('checkout.coupon.belowMinimumPlain', { code });
    }
    case 'used_up':
      return t('checkout.coupon.usedUp', { code });
    case 'per_customer_limit':
      return t('checkout.coupon.perCustomer', { code });
    case 'first_order_only':
      return t('checkout.coupon.firstOrder', { code });
    default:
      return t('checkout.coupon.unknown');
  }
}
