import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, defaultLocale, intlLocale, parseMessages, type Locale, type MessageValues, type ParsedMessage } from '@dukaan-kit/core/i18n';
import { catalogues, type MessageKey } from './catalogue.js';

/** What a component formats with: the page's language, its texts, and Intl in en-IN or hi-IN. */
export interface I18n {
  locale: Locale;
  t: (key: MessageKey, values?: MessageValues) => string;
  /** A whole number, grouped the Indian way (1,00,000). */
  number: (n: number) => string;
  /** A date and time (default: medium date, short time) in the page's time zone. */
  dateTime: (instant: Date | string, options?: Intl.DateTimeFormatOptions) => string;
}

const translators = new Map<Locale, I18n['t']>();

/** One translator per language for the whole process (messages compile once, on first use). */
function translatorOf(locale: Locale): I18n['t'] {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalogues[locale]);
    translators.set(locale, t);
  }
  return t;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a page formats
// many dates with the same few options: kept per language, zone and options (a handful in all).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormatCap = 256;

function dateFormat(tag: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    if (dateFormats.size >= dateFormatCap) dateFormats.clear();
    f = new Intl.DateTimeFormat(tag, { timeZone, ...options });
    dateFormats.set(key, f);
  }
  return f;
}

/** The page's language tools; `timeZone` is where dates are read (default Asia/Kolkata). */
export function i18nOf(locale: Locale = defaultLocale, timeZone = 'Asia/Kolkata'): I18n {
  const tag = intlLocale(locale);
  return {
    locale,
    t: translatorOf(locale),
    number: (n) => {
      let f = numberFormats.get(locale);
      if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(tag)));
      return f.format(n);
    },
    dateTime: (instant, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
      dateFormat(tag, timeZone, options).format(typeof instant === 'string' ? new Date(instant) : instant),
  };
}

export const I18nContext = createContext<I18n>(i18nOf());

/** The page's language tools (renderPage provides them from `ctx.locale`). */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The page's text formatter: `t('store.search')`, `t('cart.items', { count })`. */
export function useT(): I18n['t'] {
  return useContext(I18nContext).t;
}

/**
 * What an island needs to speak the page's language: the texts it names, pre-parsed (the browser
 * bundle has no ICU parser), and the language. Pass it as the island's `m` prop and format with
 * `islandT(m)`.
 */
export interface IslandMessages<K extends MessageKey> {
  locale: Locale;
  messages: Record<K, ParsedMessage>;
}

const parsedCache = new Map<string, ParsedMessage>();

/** The named texts of the page's language, parsed once per process, for an island's props. */
export function useIslandMessages<K extends MessageKey>(keys: readonly K[]): IslandMessages<K> {
  const { locale } = useI18n();
  const messages = {} as Record<K, ParsedMessage>;
  for (const key of keys) {
    const cacheKey = `${locale}:${key}`;
    let ast = parsedCache.get(cacheKey);
    if (!ast) {
      ast = parseMessages(locale, catalogues[locale], [key])[key];
      parsedCache.set(cacheKey, ast);
    }
    messages[key] = ast;
  }
  return { locale, messages };
}
