import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import { mailTime } from '../format-time.js';
import type { MailMessage } from '../mailer.js';

/** Tells the vendor the password changed, with a way back in if it was someone else. */
export function passwordChangedMail({ to, at, resetLink, locale = 'en' }: { to: string; at: string; resetLink: string; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'password-changed',
    to,
    t('mail.passwordChanged.subject'),
    {
      before: [t('mail.passwordChanged.changed', { at: mailTime(at, locale) }), t('mail.nothingToDo')],
      action: { intro: t('mail.passwordChanged.intro'), label: t('mail.passwordChanged.label'), url: resetLink },
    },
    locale,
  );
}
