import { currencyExponent, formatMoney } from '@dukaan-kit/core/pricing';

/**
 * A price as shoppers read it on the store and product pages: the minor units only when there
 * are some ("₹199", "₹199.50", "₹1,299"), as Indian storefronts print them. Core's formatMoney
 * (always "₹199.00") stays what invoices, mails and the API's clients get; this only trims its
 * text, so both always agree on the digits. Browser-safe (the cart bar uses it too).
 */
export function displayMoney(minor: number, currency: string): string {
  const text = formatMoney(minor, currency);
  const exponent = currencyExponent(currency);
  if (exponent === 0 || !Number.isSafeInteger(minor) || minor % 10 ** exponent !== 0) return text;
  // en and en-IN, the formats core uses, write "." before the fraction.
  return text.replace(new RegExp(`\\.0{${exponent}}(?!\\d)`), '');
}
