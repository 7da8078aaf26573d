import type { MailMessage } from '../../mail/mailer.js';

/** The nodemailer message for one of core's messages; both adapters build it the same way. */
export function messageOptions(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: {
      // RFC 3834: an automatic message, so autoresponders and out-of-office replies stay quiet.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    },
  };
}

/**
 * Content never reaches for files or URLs: nodemailer can inline `path:` attachments and
 * remote images, and core's messages need neither.
 */
export const noOutsideAccess = { disableFileAccess: true, disableUrlAccess: true } as const;
