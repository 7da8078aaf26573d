/** The languages pages and mails are written in: English (the default) and Hindi. */
export const locales = ['en', 'hi'] as const;

/** A language a store, a vendor or a visitor can choose. */
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** Each language's own name, as a chooser shows it (a Hindi reader looks for "हिन्दी", not "Hindi"). */
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', hi: 'हिन्दी' };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'hi';
}

/**
 * The Intl locale numbers, money and dates are formatted in. Both are Indian: lakh and crore
 * grouping, and hi-IN keeps Latin digits (its default numbering system), so order numbers and
 * prices read the same in both languages.
 */
export function intlLocale(locale: Locale): 'en-IN' | 'hi-IN' {
  return locale === 'hi' ? 'hi-IN' : 'en-IN';
}

/**
 * The first of our languages an Accept-Language header asks for, by its q-values; undefined
 * when it names none of them. Bounded: only the first 20 entries of a header are read.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number } | undefined;
  for (const entry of header.slice(0, 1000).split(',').slice(0, 20)) {
    const [tag = '', ...params] = entry.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale;
}
