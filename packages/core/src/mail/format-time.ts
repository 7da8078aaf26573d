import { intlLocale, type Locale } from '../i18n/locales.js';
import { mailTranslator } from '../i18n/mail-messages.js';

/**
 * An instant as people read it in mail: "3 May 2025, 14:05 UTC" ("3 मई 2025, 14:05 UTC" in
 * Hindi). Mail goes to people in any time zone and core does not know theirs, so it says UTC
 * plainly. Text that is not a date passes through.
 */
export function mailTime(at: string, locale: Locale = 'en'): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const tag = intlLocale(locale);
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  return mailTranslator(locale)('mail.time', { day, time });
}
