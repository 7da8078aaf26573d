import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** The last mail to a closed account: what went, and what the law makes the store keep. */
export function accountClosedMail({ to, storeName, locale = 'en' }: { to: string; storeName: string; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'account-closed',
    to,
    t('mail.accountClosed.subject'),
    { before: [t('mail.accountClosed.closed', { storeName }), t('mail.accountClosed.erased'), t('mail.accountClosed.last')] },
    locale,
  );
}
