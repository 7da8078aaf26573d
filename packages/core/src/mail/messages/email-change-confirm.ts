import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** Sent to the new address: the change happens only when this link is followed, which proves the mailbox. */
export function emailChangeConfirmMail({ to, link, oldEmail, locale = 'en' }: { to: string; link: string; oldEmail: string; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'email-change-confirm',
    to,
    t('mail.emailConfirm.subject'),
    {
      before: [t('mail.emailConfirm.asked', { oldEmail })],
      action: { intro: t('mail.emailConfirm.intro'), label: t('mail.emailConfirm.label'), url: link },
      after: [t('mail.emailConfirm.ignore')],
    },
    locale,
  );
}
