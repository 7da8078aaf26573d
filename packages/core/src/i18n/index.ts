// Languages and message catalogues (issue 14): the one i18n layer of pages and mails. ICU
// MessageFormat through FormatJS's intl-messageformat, numbers and dates through Intl in en-IN and
// hi-IN. Browser-safe: the storefront's island bundle imports this entry.
export { locales, defaultLocale, localeNames, isLocale, intlLocale, localeFromAcceptLanguage } from './locales.js';
export type { Locale } from './locales.js';
export { createTranslator, parseMessages, parsedTranslator } from './translator.js';
export type { Catalogue, Translation, MessageValues, ParsedMessage, Translate } from './translator.js';
