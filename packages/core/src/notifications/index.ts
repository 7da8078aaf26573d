// Order mail for vendors and customers, sent by the outbox dispatcher.
export { sendEventMail, type EventMailContext, type MailAudience } from './send-event-mail.js';
