import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** Sent to the old address, so a change the vendor did not make does not go unnoticed. */
export function emailChangeNoticeMail({ to, newEmail, locale = 'en' }: { to: string; newEmail: string; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'email-change-notice',
    to,
    t('mail.emailNotice.subject'),
    { before: [t('mail.emailNotice.asked', { newEmail }), t('mail.emailNotice.until'), t('mail.emailNotice.notYou')] },
    locale,
  );
}
