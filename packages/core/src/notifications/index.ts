// Order mail for vendors and customers, sent by the outbox dispatcher.
export { batchMailReads, sendEventMail, type EventMailContext, type MailAudience, type MailReads } from './send-event-mail.js';
