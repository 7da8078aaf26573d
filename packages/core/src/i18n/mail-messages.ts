import { createTranslator, type Translate } from './translator.js';
import type { Locale } from './locales.js';
import * as account from './mail-messages/account.js';
import * as common from './mail-messages/common.js';
import * as orders from './mail-messages/orders.js';

// The texts of the mails core sends, by area, each area's English and Hindi side by side. Kept
// out of the i18n entry's index: pages never need them, and the browser bundle imports that entry.

export const mailAreas = { common, account, orders } as const;

export const en = { ...common.en, ...account.en, ...orders.en } as const;
export type MailKey = Extract<keyof typeof en, string>;
export const hi: Readonly<Record<MailKey, string>> = { ...common.hi, ...account.hi, ...orders.hi };

export const mailCatalogues: Readonly<Record<Locale, Readonly<Record<MailKey, string>>>> = { en, hi };

const translators = new Map<Locale, Translate<MailKey>>();

/** The mail texts in one language (one translator per language, its messages compiled once). */
export function mailTranslator(locale: Locale): Translate<MailKey> {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, mailCatalogues[locale]);
    translators.set(locale, t);
  }
  return t;
}
