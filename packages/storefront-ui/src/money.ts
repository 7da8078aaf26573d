// Parsing what a person typed into money fields. The exponent and every formatted amount come
// from the one pricing module (each currency's own exponent: INR 2, JPY 0, KWD 3); it is
// re-exported here because this package has always offered formatMoney to its hosts.
import { currencyExponent, isSafeAmount } from '@dukaan-kit/core/pricing';

export { currencyExponent, formatMoney } from '@dukaan-kit/core/pricing';

// A currency word or symbol the vendor may type before the amount: "Rs.", "INR", "₹", "$".
const prefix = /^(?:rs\.?|[a-z]{3}|\p{Sc})\s*/iu;

/** Parses a major-unit amount typed by a person ("499", "499.50", "₹1,299.00") into minor units; null when it is not a non-negative amount. */
export function parseMoney(text: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const cleaned = text.trim().replace(prefix, '').replace(/\s*\p{Sc}$/u, '').replace(/[,\s_]/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || cleaned === '' || cleaned === '.') return null;
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (whole === '' && frac === '') return null;
  // "499.505" in INR is a typo, not a price to round.
  if (/[1-9]/.test(frac.slice(exp))) return null;
  const minor = Number(whole || '0') * 10 ** exp + Number(frac.slice(0, exp).padEnd(exp, '0') || '0');
  return isSafeAmount(minor) ? minor : null;
}

/** Minor units as the plain major-unit text a form field shows ("499.50"). */
export function moneyInputValue(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const exp = currencyExponent(currency);
  return (minor / 10 ** exp).toFixed(exp);
}
