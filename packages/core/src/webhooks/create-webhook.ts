import { randomBytes } from 'node:crypto';
import { nowIso, type CoreContext } from '../context.js';
import { ValidationFailedError } from '../errors.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { BlockedAddressError, checkPort, hostOf, publicAddressesOf } from './address-guard.js';
import { webhookCreateSchema } from './schemas.js';
import { maxWebhooksPerStore, toWebhookView, type WebhookCreated } from './webhook.js';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Adds a webhook to the store: each event it names will be POSTed to `url`, signed with the
 * secret answered here (and never again). The URL must not lead to a private, loopback or
 * link-local address nor to this host's own, and must use port 80 or 443 (unless the operator
 * allows private addresses; checked again at each delivery); at most 10 webhooks per store.
 */
export async function createWebhook(context: CoreContext, storeId: string, input: unknown): Promise<WebhookCreated> {
  const { url, events } = validate(webhookCreateSchema, input);
  try {
    const target = new URL(url);
    // The port first: a URL refused anyway costs no DNS query.
    checkPort(context.webhooks, target);
    await publicAddressesOf(context.webhooks, hostOf(target));
  } catch (error) {
    if (!(error instanceof BlockedAddressError)) throw error;
    const message = `url ${error.message}`;
    throw new ValidationFailedError(`This webhook URL cannot be used: it ${error.message}`, [{ path: 'url', message }]);
  }
  const record = { id: newId(), storeId, url, events, secret: newSecret(), createdAt: nowIso(context) };
  if (!(await context.persistence.webhooks.insertUnlessFull(record, maxWebhooksPerStore))) {
    const message = `A store can have at most ${maxWebhooksPerStore} webhooks; remove one before adding another`;
    throw new ValidationFailedError(message, [{ path: 'url', message }]);
  }
  return { ...toWebhookView(record), secret: record.secret };
}
