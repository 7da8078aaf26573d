import { createTranslator, type Locale, type MessageValues, type Translation } from '@dukaan-kit/core/i18n';
import type { CouponRefusal } from '@dukaan-kit/core';

// What the no-JavaScript checkout says above the form or beside the coupon after a refused
// submit, in the customer's language. The form's field messages are worded by the page itself
// (storefront-ui islands/checkout-text.ts, from the field and what was typed); these are the
// ones only the server knows: the outcome of a submit, and the coupon's reason.
const en = {
  priceChanged: 'Prices have changed since you opened checkout. Check the new total, then place your order.',
  choiceChanged: 'Your total changed with the delivery or payment you chose. Check it, then place your order.',
  keyReused: 'This checkout form was already used for another order. Check your details and place the order again.',
  itemGone: 'Something in your cart is no longer available. Check your cart, then place your order.',
  empty: 'Your cart is empty. Add something from the shop first.',
  tooMany: 'Too many tries. Please wait a minute and try again.',
  couponApplied: 'Coupon {code} applied. Check the new total, then place your order.',
  outOfStock: 'Some items have less stock than you asked for. Check your cart, then place your order.',
  onlyLeftOf: 'Only {left} of {name} left. Lower the quantity, then place your order.',
  soldOutNamed: '{name} is sold out. Remove it, then place your order.',
  belowMinimum: 'Your order is below the shop’s minimum. Add more items, then place it.',
  closed: 'This shop is not taking orders right now. Please try again later.',
  orderNotFound: 'We could not find this order. Check the link you were given.',
  couponUnknown: 'This code does not work in this shop. Check it for a typing mistake.',
  couponNotStarted: '{code} cannot be used yet. Try it again later.',
  couponExpired: '{code} has expired.',
  couponBelowMinimum: 'Add {amount} more to use {code}.',
  couponBelowMinimumPlain: 'Your order is too small for {code}. Add more items to use it.',
  couponUsedUp: '{code} has been used as many times as the shop allows.',
  couponPerCustomer: 'You have already used {code} as many times as the shop allows.',
  couponFirstOrder: '{code} is only for your first order at this shop.',
} as const;

const hi: Translation<typeof en> = {
  priceChanged: 'चेकआउट खोलने के बाद दाम बदल गए हैं। नया कुल देखें, फिर ऑर्डर करें।',
  choiceChanged: 'आपने जो डिलीवरी या भुगतान चुना, उससे कुल बदल गया है। उसे देखें, फिर ऑर्डर करें।',
  keyReused: 'यह चेकआउट फ़ॉर्म किसी और ऑर्डर के लिए इस्तेमाल हो चुका है। अपनी जानकारी देखें और दोबारा ऑर्डर करें।',
  itemGone: 'आपके कार्ट का कुछ सामान अब नहीं मिल रहा। कार्ट देखें, फिर ऑर्डर करें।',
  empty: 'आपका कार्ट खाली है। पहले दुकान से कुछ चुनें।',
  tooMany: 'बहुत बार कोशिश हुई। एक मिनट रुककर फिर कोशिश करें।',
  couponApplied: 'कूपन {code} लग गया। नया कुल देखें, फिर ऑर्डर करें।',
  outOfStock: 'कुछ सामान आपकी माँगी मात्रा में नहीं बचा है। कार्ट देखें, फिर ऑर्डर करें।',
  onlyLeftOf: '{name} सिर्फ़ {left} बचे हैं। मात्रा कम करें, फिर ऑर्डर करें।',
  soldOutNamed: '{name} बिक चुका है। उसे हटाएँ, फिर ऑर्डर करें।',
  belowMinimum: 'आपका ऑर्डर दुकान के कम से कम ऑर्डर से छोटा है। और सामान जोड़ें, फिर ऑर्डर करें।',
  closed: 'यह दुकान अभी ऑर्डर नहीं ले रही है। कृपया बाद में कोशिश करें।',
  orderNotFound: 'यह ऑर्डर नहीं मिला। आपको जो लिंक मिला था, उसे जाँच लें।',
  couponUnknown: 'यह कोड इस दुकान में नहीं चलता। देख लें कि कहीं टाइप करने में गलती तो नहीं हुई।',
  couponNotStarted: '{code} अभी इस्तेमाल नहीं हो सकता। बाद में फिर कोशिश करें।',
  couponExpired: '{code} की मियाद ख़त्म हो चुकी है।',
  couponBelowMinimum: '{code} इस्तेमाल करने के लिए {amount} का सामान और जोड़ें।',
  couponBelowMinimumPlain: '{code} के लिए ऑर्डर छोटा है। इसे इस्तेमाल करने के लिए और सामान जोड़ें।',
  couponUsedUp: '{code} जितनी बार चल सकता था, चल चुका है।',
  couponPerCustomer: 'आप {code} जितनी बार इस्तेमाल कर सकते थे, कर चुके हैं।',
  couponFirstOrder: '{code} सिर्फ़ इस दुकान से आपके पहले ऑर्डर के लिए है।',
};

export type CheckoutMessage = keyof typeof en;

const translators = { en: createTranslator('en', en), hi: createTranslator('hi', hi) };

/** One of the server's checkout messages in `locale`. */
export function checkoutMessage(locale: Locale, key: CheckoutMessage, values?: MessageValues): string {
  return translators[locale](key, values);
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

export { hi as checkoutMessagesHi, en as checkoutMessagesEn };
