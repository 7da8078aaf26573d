import { intlLocale, type Locale } from '../i18n/locales.js';

const formatters = new Map<string, Intl.NumberFormat>();
const exponents = new Map<string, number>();

function formatter(currency: string, locale: Locale = 'en'): Intl.NumberFormat {
  const code = currency.toUpperCase();
  const key = `${locale}:${code}`;
  let f = formatters.get(key);
  if (!f) {
    // en-IN and hi-IN group lakhs and crores the way Indian shoppers read prices (hi-IN keeps
    // Latin digits); other currencies keep their international English form in English.
    const tag = code === 'INR' || locale !== 'en' ? intlLocale(locale) : 'en';
    f = new Intl.NumberFormat(tag, { style: 'currency', currency: code });
    formatters.set(key, f);
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

/** The major and minor digits of a whole amount, split as text (never by float division, which loses the last paisa near 2^53). */
function splitDigits(minor: number, exponent: number): { negative: boolean; whole: string; fraction: string } {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  return { negative: minor < 0, whole: digits.slice(0, cut), fraction: digits.slice(cut) };
}

/**
 * Formats an integer amount of minor units in its currency's own exponent: (129900, 'INR') ->
 * "₹1,299.00", (500, 'JPY') -> "¥500". The whole part and the fraction digits are formatted
 * separately, so every safe integer prints exactly (9007199254740991 paise -> "…47,409.91").
 * `locale` picks the language's Intl locale (intlLocale); rupees read the same in both.
 */
export function formatMoney(minor: number, currency: string, locale: Locale = 'en'): string {
  const key = `${locale}:${currency}:${minor}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = formatFresh(minor, currency, locale);
  // A page prints the same few prices many times and formatToParts allocates a part list per
  // call (a quarter of a store page's render): remembered, bounded by dropping all at the cap.
  if (formatted.size >= formattedCap) formatted.clear();
  formatted.set(key, text);
  return text;
}

const formatted = new Map<string, string>();
const formattedCap = 4096;

function formatFresh(minor: number, currency: string, locale: Locale): string {
  const exponent = currencyExponent(currency);
  if (!Number.isSafeInteger(minor)) return formatter(currency, locale).format(minor / 10 ** exponent);
  const { negative, whole, fraction } = splitDigits(minor, exponent);
  const wholeValue = Number(whole);
  // -0 keeps its sign in Intl ("-₹0.50"), so a negative amount under one unit still reads negative.
  const parts = formatter(currency, locale).formatToParts(negative ? -wholeValue : wholeValue);
  return parts.map((part) => (part.type === 'fraction' ? fraction : part.value)).join('');
}

// A currency word or symbol the vendor may type before the amount: "Rs.", "INR", "₹", "$".
const typedPrefix = /^(?:rs\.?|[a-z]{3}|\p{Sc})\s*/iu;

/**
 * Parses a major-unit amount typed by a person ("499", "499.50", "₹1,299.00") into minor units,
 * in the currency's own exponent; null when it is not a non-negative amount that fits
 * (`Number.MAX_SAFE_INTEGER`) or has more decimals than the currency ("499.505" in INR).
 */
export function parseMoney(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const cleaned = text.trim().replace(typedPrefix, '').replace(/\s*\p{Sc}$/u, '').replace(/[,\s_]/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || cleaned === '' || cleaned === '.') return null;
  const whole = m[1] ?? '';
  const fraction = m[2] ?? '';
  if (whole === '' && fraction === '') return null;
  // "499.505" in INR is a typo, not a price to round.
  if (/[1-9]/.test(fraction.slice(exponent))) return null;
  // Joined as digits, not multiplied as floats: exact up to MAX_SAFE_INTEGER.
  const minor = Number(`${whole || '0'}${fraction.slice(0, exponent).padEnd(exponent, '0')}`);
  return Number.isSafeInteger(minor) && minor >= 0 ? minor : null;
}

/** Minor units as the plain major-unit text a form field shows ("499.50"; "500" in JPY); '' for none. */
export function moneyInputValue(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const exponent = currencyExponent(currency);
  if (!Number.isSafeInteger(minor)) return (minor / 10 ** exponent).toFixed(exponent);
  const { negative, whole, fraction } = splitDigits(minor, exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}
