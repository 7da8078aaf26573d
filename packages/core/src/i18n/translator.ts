import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { intlLocale, type Locale } from './locales.js';

/** A message catalogue: ICU MessageFormat texts by key ("{count, plural, one {# item} other {# items}}"). */
export type Catalogue = Readonly<Record<string, string>>;

/**
 * The same keys as the English catalogue, each with its own text: a translation that misses a
 * key, or has one English lacks, is a compile error.
 */
export type Translation<C extends Catalogue> = { readonly [K in keyof C]: string };

/** Values a message interpolates: `{name}` texts and `{count, plural, …}` numbers. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** A pre-parsed message (what the browser receives, so it needs no parser). */
export type ParsedMessage = MessageFormatElement[];

/** Formats `key` of one language's catalogue with `values`. */
export type Translate<K extends string = string> = (key: K, values?: MessageValues) => string;

/**
 * One language's formatter for a catalogue. Each message is compiled once, on first use, and kept
 * (catalogues are fixed at build time, so the cache is bounded by their size).
 */
export function createTranslator<C extends Catalogue>(locale: Locale, catalogue: C): Translate<Extract<keyof C, string>> {
  const compiled = new Map<string, IntlMessageFormat>();
  const tag = intlLocale(locale);
  return (key, values) => {
    let format = compiled.get(key);
    if (!format) {
      const text = catalogue[key];
      if (text === undefined) throw new RangeError(`No message "${key}" in the ${locale} catalogue`);
      format = new IntlMessageFormat(text, tag);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}

/** The parsed form of each message named, for a browser formatter (`parsedTranslator`). */
export function parseMessages<C extends Catalogue, K extends Extract<keyof C, string>>(locale: Locale, catalogue: C, keys: readonly K[]): Record<K, ParsedMessage> {
  const out = {} as Record<K, ParsedMessage>;
  for (const key of keys) {
    const text = catalogue[key];
    if (text === undefined) throw new RangeError(`No message "${key}" in the ${locale} catalogue`);
    out[key] = new IntlMessageFormat(text, intlLocale(locale)).getAst();
  }
  return out;
}

/**
 * A formatter over pre-parsed messages: the browser's (its bundle leaves the ICU parser out, so
 * it never parses text). Unknown keys throw, as on the server.
 */
export function parsedTranslator<K extends string>(locale: Locale, messages: Readonly<Record<K, ParsedMessage>>): Translate<K> {
  const compiled = new Map<string, IntlMessageFormat>();
  const tag = intlLocale(locale);
  return (key, values) => {
    let format = compiled.get(key);
    if (!format) {
      const ast = messages[key];
      if (ast === undefined) throw new RangeError(`No message "${key}" was given to this island`);
      format = new IntlMessageFormat(ast, tag);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}
