// The mail module inside core: the port, the queue use cases send through, and one builder per message.
export type { Mailer, MailKind, MailMessage } from './mailer.js';
export { mailQueue, type Outgoing, type MailQueueOptions } from './mail-queue.js';
export { MailSendError } from './mail-send-error.js';
export { escapeHtml } from './html.js';
export { passwordResetMail } from './messages/password-reset.js';
export { passwordChangedMail } from './messages/password-changed.js';
export { emailChangeConfirmMail } from './messages/email-change-confirm.js';
export { emailChangeNoticeMail } from './messages/email-change-notice.js';
export { emailTakenMail } from './messages/email-taken.js';
export { newDeviceMail } from './messages/new-device.js';
export { accountClosedMail } from './messages/account-closed.js';
export { newOrderMail } from './messages/new-order.js';
export { orderConfirmationMail } from './messages/order-confirmation.js';
export { orderStatusMail } from './messages/order-status.js';
