const formatters = new Map<string, Intl.NumberFormat>();
const exponents = new Map<string, number>();

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

/** Formats an integer amount of minor units in its currency's own exponent: (129900, 'INR') -> "₹1,299.00", (500, 'JPY') -> "¥500". */
export function formatMoney(minor: number, currency: string): string {
  return formatter(currency).format(minor / 10 ** currencyExponent(currency));
}
