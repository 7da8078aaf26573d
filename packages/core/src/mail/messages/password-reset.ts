import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** The reset link asked for on the forgot-password page. */
export function passwordResetMail({ to, link, expiresInMinutes, locale = 'en' }: { to: string; link: string; expiresInMinutes: number; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'password-reset',
    to,
    t('mail.passwordReset.subject'),
    {
      before: [t('mail.passwordReset.asked')],
      action: { intro: t('mail.passwordReset.intro', { minutes: String(expiresInMinutes) }), label: t('mail.passwordReset.label'), url: link },
      after: [t('mail.passwordReset.ignore')],
    },
    locale,
  );
}
