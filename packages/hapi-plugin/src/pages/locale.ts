import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { isLocale, localeFromAcceptLanguage, locales, type Locale } from '@dukaan-kit/core/i18n';
import { defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * The language a visitor chose (`?lang=hi` on any page, remembered for a year). Not signed: it
 * holds one of two fixed words and decides nothing but the language, so a forged one can only
 * change the forger's own pages.
 */
export const langCookie = 'dukaan_lang';

export function registerLangCookie(server: Server, runtime: Runtime): void {
  defineCookie(server, runtime, langCookie, { ttl: 365 * 24 * 3600_000 });
}

/** `?lang=` when it names one of our languages (and remembers it), else the remembered choice. */
export function chosenLocale(runtime: Runtime, request: Request, h: ResponseToolkit | null): Locale | undefined {
  const asked = request.query['lang'];
  if (isLocale(asked)) {
    const cookie = (request.state as Record<string, unknown> | null)?.[langCookie];
    if (h && cookie !== asked) setCookie(runtime, request, h, langCookie, asked);
    return asked;
  }
  const cookie = (request.state as Record<string, unknown> | null)?.[langCookie];
  return isLocale(cookie) ? cookie : undefined;
}

/** A customer's language on a store's pages: their own choice, else the store's default for its customers. */
export function customerLocale(runtime: Runtime, request: Request, h: ResponseToolkit | null, storeDefault: Locale): Locale {
  return chosenLocale(runtime, request, h) ?? storeDefault;
}

/** A visitor who belongs to no store yet (sign-up, login, the landing page): their choice, else their browser's, else English. */
export function visitorLocale(runtime: Runtime, request: Request, h: ResponseToolkit | null): Locale {
  return chosenLocale(runtime, request, h) ?? localeFromAcceptLanguage(request.headers['accept-language'] as string | undefined) ?? 'en';
}

/**
 * This page's own URL in each language, for the chooser: the path and query as asked, `lang`
 * replaced (relative to the host, so no Host header can point it elsewhere).
 */
export function languageLinks(request: Request): Record<Locale, string> {
  const out = {} as Record<Locale, string>;
  for (const locale of locales) {
    const params = new URLSearchParams(request.url.search);
    params.set('lang', locale);
    out[locale] = `${request.url.pathname}?${params.toString()}`;
  }
  return out;
}

/**
 * The language a store chose for its customers (`locale` of its settings). English for a store
 * view cached by a release before stores had one.
 */
export function storeLocale(store: object): Locale {
  return (store as { locale?: Locale }).locale ?? 'en';
}
