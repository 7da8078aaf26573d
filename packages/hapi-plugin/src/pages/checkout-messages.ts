import type { Locale, MessageValues } from '@dukaan-kit/core/i18n';
import { i18nOf, type MessageKey } from '@dukaan-kit/storefront-ui';
import type { CouponRefusal } from '@dukaan-kit/core';

// What the no-JavaScript checkout says above the form or beside the coupon after a refused
// submit, in the customer's language. The form's field messages are worded by the page itself
// (storefront-ui islands/checkout-text.ts, from the field and what was typed); these are the
// ones only the server knows: the outcome of a submit, and the coupon's reason.
/** The name of one of them: a `checkout.server.*` key of the catalogue without its prefix. */
type Unprefixed<K> = K extends `checkout.server.${infer Name}` ? Name : never;
export type CheckoutMessage = Unprefixed<MessageKey>;

/** One of the server's checkout messages in `locale` (the catalogue's `checkout.server.*`). */
export function checkoutMessage(locale: Locale, key: CheckoutMessage, values?: MessageValues): string {
  return i18nOf(locale).t(`checkout.server.${key}`, values);
}

/** An out-of-stock refusal: core names the first short item in English; the name and count go into ours. */
export function outOfStockMessage(locale: Locale, coreMessage: string): string {
  const only = /^Only (\d+) of (.+) left$/.exec(coreMessage.trim());
  if (only) return checkoutMessage(locale, 'onlyLeftOf', { left: Number(only[1]), name: only[2]! });
  const soldOut = /^(.+) is sold out$/.exec(coreMessage.trim());
  if (soldOut) return checkoutMessage(locale, 'soldOutNamed', { name: soldOut[1]! });
  return checkoutMessage(locale, 'outOfStock');
}

/** The first amount of money in core's English sentence, to put into ours. */
function amountIn(message: string): string | null {
  return /(?:[₹$€£]|[A-Z]{3}\s?)\s?\d[\d,]*(?:\.\d+)?/.exec(message)?.[0] ?? null;
}

const couponKeys: Record<CouponRefusal, CheckoutMessage> = {
  unknown: 'couponUnknown',
  inactive: 'couponUnknown',
  not_started: 'couponNotStarted',
  expired: 'couponExpired',
  below_minimum: 'couponBelowMinimum',
  used_up: 'couponUsedUp',
  per_customer_limit: 'couponPerCustomer',
  first_order_only: 'couponFirstOrder',
};

/** Why a coupon does not apply, in `locale`; core's sentence carries the amount a minimum still misses. */
export function couponMessage(locale: Locale, reason: CouponRefusal, code: string, coreMessage: string): string {
  const amount = amountIn(coreMessage);
  if (reason === 'below_minimum' && !amount) return checkoutMessage(locale, 'couponBelowMinimumPlain', { code });
  return checkoutMessage(locale, couponKeys[reason], { code, amount: amount ?? '' });
}

