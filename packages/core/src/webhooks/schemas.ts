import Joi from 'joi';
import { outboxEventTypes, type OutboxEventType } from '../outbox/outbox-event.js';
import { textField } from '../shared/fields.js';

export interface WebhookCreateInput {
  url: string;
  events: OutboxEventType[];
}

export interface WebhookDeliveriesQuery {
  limit?: number;
}

/** The longest webhook URL kept (the column is varchar(2048)), counted once normalised. */
export const maxWebhookUrlLength = 2048;

/** An absolute http(s) URL without user or password (they would be sent to, and logged by, whoever answers). */
const webhookUrl = textField
  .trim()
  .max(maxWebhookUrlLength)
  .custom((value: string, helpers) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return helpers.error('webhookUrl.invalid');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return helpers.error('webhookUrl.invalid');
    if (url.username || url.password) return helpers.error('webhookUrl.credentials');
    // Checked again after normalisation: percent-encoding and punycode can make the URL longer.
    if (url.href.length > maxWebhookUrlLength) return helpers.error('webhookUrl.tooLong', { limit: maxWebhookUrlLength });
    return url.href;
  })
  .label('url')
  .messages({
    'webhookUrl.invalid': '{#label} must be an absolute http:// or https:// URL',
    'webhookUrl.tooLong': '{#label} must be at most {#limit} characters long once normalised (percent-encoded, with the host in punycode)',
    'webhookUrl.credentials': '{#label} must not contain a user name or password; put a token in the path or query instead',
  });

export const webhookCreateSchema = Joi.object<WebhookCreateInput>({
  url: webhookUrl.required(),
  events: Joi.array()
    .items(
      Joi.string()
        .valid(...outboxEventTypes)
        .messages({ 'any.only': `events may contain only ${outboxEventTypes.join(', ')}` }),
    )
    .min(1)
    .unique()
    .required()
    .label('events')
    .messages({ 'array.min': 'events must name at least one event', 'array.unique': 'events must not name an event twice' }),
}).label('Webhook');

export const webhookDeliveriesQuerySchema = Joi.object<WebhookDeliveriesQuery>({
  limit: Joi.number().integer().min(1).max(100).label('limit'),
});
