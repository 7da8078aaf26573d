import type { DeliveryView, OutboxEventType, WebhookCreated, WebhookView } from '@dukaan-kit/core';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, MaybeDateTime } from '../components/order-parts.js';
import type { FieldErrors, PageContext } from '../types.js';

/** A webhook with its most recent deliveries, newest first. */
export type WebhookWithDeliveries = WebhookView & { deliveries: DeliveryView[] };

/** Props of the 'webhooks' page (`/dashboard/webhooks`). */
export interface WebhooksPageProps {
  ctx: PageContext;
  webhooks: WebhookWithDeliveries[];
  /** Every event a webhook may name, in the order the form lists them. */
  eventTypes: readonly OutboxEventType[];
  /** The webhook just added, with its signing secret: shown this once. */
  created?: WebhookCreated;
  /** The add form again after a refusal. */
  values?: { url?: string; events?: string[] };
  errors?: FieldErrors;
}

/** What each event means, for the checkboxes. */
const eventLabels: Record<string, string> = {
  'order.placed': 'A new order is placed',
  'order.status_changed': "An order's status changes",
  'order.payment_changed': "An order's payment changes (paid, refunded)",
  'product.low_stock': 'A product is running low (5 or fewer left)',
};

const deliveryLabels: Record<DeliveryView['status'], string> = { pending: 'Pending', delivered: 'Delivered', dead: 'Failed' };

/** The secret just created, with a Copy button: it is never shown again. */
function NewSecret({ created }: { created: WebhookCreated }) {
  return (
    <div class="notice new-token" role="status">
      <h2>Webhook added: copy its signing secret now</h2>
      <p>
        This is the only time it is shown. Your server checks the <code>Dukaan-Signature</code> header of each delivery with it.
      </p>
      <Island name="copy-link" props={{ id: 'webhook-secret', label: `Secret for ${created.url}`, url: created.secret, type: 'text' }} />
    </div>
  );
}

function Deliveries({ ctx, webhook }: { ctx: PageContext; webhook: WebhookWithDeliveries }) {
  if (webhook.deliveries.length === 0) return <p class="muted">No deliveries yet.</p>;
  return (
    <table class="table table-labelled deliveries">
      <caption class="sr-only">Recent deliveries to {webhook.url}</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Answer</th>
          <th scope="col">Time</th>
          <th scope="col">Last try</th>
          <th scope="col">
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {webhook.deliveries.map((d) => (
          <tr>
            <th scope="row">
              <code>{d.eventType}</code>
            </th>
            <td data-label="Status" class={`delivery-${d.status}`}>
              {deliveryLabels[d.status]}
              {d.error && <span class="hint"> · {d.error}</span>}
            </td>
            <td data-label="Attempts">{d.attempt}</td>
            <td data-label="Answer">{d.statusCode ?? '—'}</td>
            <td data-label="Time">{d.durationMs === null ? '—' : `${d.durationMs} ms`}</td>
            <td data-label="Last try">
              <MaybeDateTime iso={d.lastAttemptAt} timeZone={ctx.timeZone} empty="Not yet" />
            </td>
            <td>
              {d.status !== 'delivered' && (
                <PostForm ctx={ctx} action={`/dashboard/webhooks/${encodeURIComponent(webhook.id)}/deliveries/${encodeURIComponent(d.id)}/retry`}>
                  <button type="submit" class="btn btn-small btn-secondary">
                    Retry<span class="sr-only"> this {d.eventType} delivery</span>
                  </button>
                </PostForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Removing sits inside <details>: the first click only opens the question, so it confirms without JavaScript. */
function RemoveWebhook({ ctx, webhook }: { ctx: PageContext; webhook: WebhookView }) {
  return (
    <details class="confirm">
      <summary class="btn btn-small btn-danger-outline">
        Delete<span class="sr-only"> the webhook to {webhook.url}</span>
      </summary>
      <PostForm ctx={ctx} action={`/dashboard/webhooks/${encodeURIComponent(webhook.id)}/delete`} class="confirm-body">
        <p>No more events will be sent to this URL.</p>
        <button type="submit" class="btn btn-small btn-danger">
          Yes, delete it
        </button>
      </PostForm>
    </details>
  );
}

/** Webhooks: the list with each one's recent deliveries (retry the failed ones), and the add form. */
export function WebhooksPage({ ctx, webhooks, eventTypes, created, values = {}, errors = {} }: WebhooksPageProps) {
  const chosen = new Set(values.events ?? ['order.placed']);
  return (
    <DashboardLayout ctx={ctx} title="Webhooks" section="webhooks">
      <p class="lead">
        Send your orders to another system as they happen: each event is POSTed as JSON to your URL, signed with a secret, and sent again
        for about a day until your server answers with a 2xx.
      </p>
      {created && <NewSecret created={created} />}
      {webhooks.length === 0 ? (
        <p class="empty">No webhooks yet.</p>
      ) : (
        webhooks.map((w) => (
          <section class="panel webhook" aria-label={`Webhook to ${w.url}`}>
            <h2 class="webhook-url">{w.url}</h2>
            <p>
              Events: {w.events.map((e) => <code>{e} </code>)}· added <DateTime iso={w.createdAt} timeZone={ctx.timeZone} />
            </p>
            <RemoveWebhook ctx={ctx} webhook={w} />
            <h3>Recent deliveries</h3>
            <Deliveries ctx={ctx} webhook={w} />
          </section>
        ))
      )}
      <section class="panel">
        <h2>Add a webhook</h2>
        <ErrorSummary form="webhook" errors={errors} labels={{ url: 'URL', events: 'Events' }} />
        <PostForm ctx={ctx} action="/dashboard/webhooks">
          <Field form="webhook" name="url" label="URL" type="url" value={values.url} error={errors['url']} required maxLength={2048} placeholder="https://example.com/dukaan" />
          <fieldset class={`field webhook-events${errors['events'] ? ' has-error' : ''}`} id="webhook-events">
            <legend>Events</legend>
            {eventTypes.map((type) => (
              <label class="field-check">
                <input type="checkbox" name="events" value={type} checked={chosen.has(type)} /> {eventLabels[type] ?? type} (<code>{type}</code>)
              </label>
            ))}
            {errors['events'] && <p class="field-error">{errors['events']}</p>}
          </fieldset>
          <button type="submit" class="btn btn-primary">
            Add webhook
          </button>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
