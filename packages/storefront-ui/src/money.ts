// Shared by the server pages and the client bundle: no Node APIs here.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let f = formatters.get(code);
  if (!f) {
    // en-IN groups lakhs and crores the way Indian shoppers read prices.
    f = new Intl.NumberFormat(code === 'INR' ? 'en-IN' : 'en', { style: 'currency', currency: code });
    formatters.set(code, f);
  }
  return f;
}

/** Digits after the decimal point for an ISO 4217 currency (INR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  // resolvedOptions() builds a fresh object each call, and a store page asks once per price.
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

const exponents = new Map<string, number>();

/** Formats an integer amount of minor units, e.g. (129900, 'INR') -> "₹1,299.00". */
export function formatMoney(minor: number, currency: string): string {
  return formatter(currency).format(minor / 10 ** currencyExponent(currency));
}

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
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the plain major-unit text a form field shows ("499.50"). */
export function moneyInputValue(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  return (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));
}
