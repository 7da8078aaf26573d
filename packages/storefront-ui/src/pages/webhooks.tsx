import type { DeliveryView, OutboxEventType, WebhookCreated, WebhookView } from '@dukaan-kit/core';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, MaybeDateTime } from '../components/order-parts.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
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
const eventLabels: Record<string, MessageKey> = {
  'order.placed': 'account.webhooks.event.placed',
  'order.status_changed': 'account.webhooks.event.status',
  'order.payment_changed': 'account.webhooks.event.payment',
  'product.low_stock': 'account.webhooks.event.lowStock',
};

const deliveryLabels: Record<DeliveryView['status'], MessageKey> = {
  pending: 'account.webhooks.delivery.pending',
  delivered: 'account.webhooks.delivery.delivered',
  dead: 'account.webhooks.delivery.dead',
};

/** The secret just created, with a Copy button: it is never shown again. */
function NewSecret({ created }: { created: WebhookCreated }) {
  const t = useT();
  return (
    <div class="notice new-token" role="status">
      <h2>{t('account.webhooks.added')}</h2>
      <p>{t('account.webhooks.onlyOnce', { header: 'Dukaan-Signature' })}</p>
      <Island name="copy-link" props={{ id: 'webhook-secret', label: t('account.webhooks.secretFor', { url: created.url }), url: created.secret, type: 'text' }} />
    </div>
  );
}

function Deliveries({ ctx, webhook }: { ctx: PageContext; webhook: WebhookWithDeliveries }) {
  const t = useT();
  if (webhook.deliveries.length === 0) return <p class="muted">{t('account.webhooks.noDeliveries')}</p>;
  return (
    <table class="table table-labelled deliveries">
      <caption class="sr-only">{t('account.webhooks.recentTo', { url: webhook.url })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('account.webhooks.event')}</th>
          <th scope="col">{t('account.webhooks.status')}</th>
          <th scope="col">{t('account.webhooks.attempts')}</th>
          <th scope="col">{t('account.webhooks.answer')}</th>
          <th scope="col">{t('account.webhooks.time')}</th>
          <th scope="col">{t('account.webhooks.lastTry')}</th>
          <th scope="col">
            <span class="sr-only">{t('account.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {webhook.deliveries.map((d) => (
          <tr>
            <th scope="row">
              <code>{d.eventType}</code>
            </th>
            <td data-label={t('account.webhooks.status')} class={`delivery-${d.status}`}>
              {t(deliveryLabels[d.status])}
              {d.error && <span class="hint"> · {d.error}</span>}
            </td>
            <td data-label={t('account.webhooks.attempts')}>{d.attempt}</td>
            <td data-label={t('account.webhooks.answer')}>{d.statusCode ?? '—'}</td>
            <td data-label={t('account.webhooks.time')}>{d.durationMs === null ? '—' : t('account.webhooks.ms', { ms: d.durationMs })}</td>
            <td data-label={t('account.webhooks.lastTry')}>
              <MaybeDateTime iso={d.lastAttemptAt} timeZone={ctx.timeZone} empty={t('account.webhooks.notYet')} />
            </td>
            <td>
              {d.status !== 'delivered' && (
                <PostForm ctx={ctx} action={`/dashboard/webhooks/${encodeURIComponent(webhook.id)}/deliveries/${encodeURIComponent(d.id)}/retry`}>
                  <button type="submit" class="btn btn-secondary" aria-label={t('account.webhooks.retryNamed', { event: d.eventType })}>
                    {t('account.webhooks.retry')}
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
  const t = useT();
  return (
    <details class="confirm">
      <summary class="btn btn-danger-outline" aria-label={t('account.webhooks.deleteNamed', { url: webhook.url })}>
        {t('account.webhooks.delete')}
      </summary>
      <PostForm ctx={ctx} action={`/dashboard/webhooks/${encodeURIComponent(webhook.id)}/delete`} class="confirm-body">
        <p>{t('account.webhooks.deleteText')}</p>
        <button type="submit" class="btn btn-danger">
          {t('account.webhooks.deleteYes')}
        </button>
      </PostForm>
    </details>
  );
}

/** Webhooks: the list with each one's recent deliveries (retry the failed ones), and the add form. */
export function WebhooksPage({ ctx, webhooks, eventTypes, created, values = {}, errors = {} }: WebhooksPageProps) {
  const t = useT();
  const chosen = new Set(values.events ?? ['order.placed']);
  return (
    <DashboardLayout ctx={ctx} title={t('account.webhooks.title')} section="webhooks">
      <p class="lead">{t('account.webhooks.lead', { method: 'POST' })}</p>
      {created && <NewSecret created={created} />}
      {webhooks.length === 0 ? (
        <p class="empty">{t('account.webhooks.none')}</p>
      ) : (
        webhooks.map((w) => (
          <section class="panel webhook" aria-label={t('account.webhooks.to', { url: w.url })}>
            <h2 class="webhook-url">{w.url}</h2>
            <p>
              {t('account.webhooks.events')}: {w.events.map((e) => <code>{e} </code>)}· {t('account.webhooks.addedOn')} <DateTime iso={w.createdAt} timeZone={ctx.timeZone} />
            </p>
            <RemoveWebhook ctx={ctx} webhook={w} />
            <h3>{t('account.webhooks.recent')}</h3>
            <Deliveries ctx={ctx} webhook={w} />
          </section>
        ))
      )}
      <section class="panel">
        <h2>{t('account.webhooks.add')}</h2>
        <ErrorSummary form="webhook" errors={errors} labels={{ url: t('account.webhooks.url'), events: t('account.webhooks.events') }} />
        <PostForm ctx={ctx} action="/dashboard/webhooks">
          <Field form="webhook" name="url" label={t('account.webhooks.url')} type="url" value={values.url} error={errors['url']} required maxLength={2048} placeholder="https://example.com/dukaan" />
          <fieldset
            class={`field webhook-events${errors['events'] ? ' has-error' : ''}`}
            id="webhook-events"
            aria-describedby={errors['events'] ? 'webhook-events-error' : undefined}
          >
            <legend>{t('account.webhooks.events')}</legend>
            {eventTypes.map((type) => {
              const key = eventLabels[type];
              return (
                <label class="field-check">
                  <input type="checkbox" name="events" value={type} checked={chosen.has(type)} /> {key ? t(key) : type} (<code>{type}</code>)
                </label>
              );
            })}
            {errors['events'] && (
              <p class="field-error" id="webhook-events-error">
                {errors['events']}
              </p>
            )}
          </fieldset>
          <button type="submit" class="btn btn-primary">
            {t('account.webhooks.addButton')}
          </button>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
