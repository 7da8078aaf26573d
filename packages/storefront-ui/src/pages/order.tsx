import { StoreLayout } from '../components/layouts.js';
import { DateTime, OrderAddress, OrderLinesTable, PaymentBadge, StatusBadge, usePaymentMethodLabel } from '../components/order-parts.js';
import { UpiPay, type UpiPayView } from '../components/upi-pay.js';
import { Island } from '../components/island.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { useIslandMessages, useT } from '../i18n/context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import type { CopyLinkKey } from '../islands/copy-link.js';
import { withBase } from '../url.js';
import type { OrderStatus, OrderView, PageContext, StoreView } from '../types.js';

/** Props of the customer's 'order' page (`/{slug}/orders/{token}`). */
export interface OrderPageProps {
  ctx: PageContext;
  store: StoreView;
  order: OrderView;
  /** True right after checkout (`?placed=1`): shows the thank-you message. */
  justPlaced: boolean;
  /** How to pay a UPI order still to be paid (QR code, app link, UPI id); null or absent otherwise. */
  upi?: UpiPayView | null;
  /** When the order reached each status it went through (ISO instants); placed is `createdAt`. */
  timeline?: Partial<Record<OrderStatus, string>>;
  /** This page's full address, to copy or share; absent: the path alone. */
  orderUrl?: string;
}

const steps: OrderStatus[] = ['pending', 'accepted', 'shipped', 'delivered'];

/** The statuses that end an order short of delivery: nothing is owed, so no cash is asked for. */
const stopped = new Set<OrderStatus>(['rejected', 'cancelled', 'returned']);

/**
 * The customer's one word for a status, the same in the badge and in the tracker; a pickup
 * order is ready to collect, then collected, rather than on the way and delivered.
 */
function stepKey(status: OrderStatus, pickup: boolean): MessageKey {
  if (pickup && status === 'shipped') return 'order.step.shippedPickup';
  if (pickup && status === 'delivered') return 'order.step.deliveredPickup';
  return `order.step.${status}`;
}

const stopKeys: Record<'rejected' | 'cancelled' | 'returned', MessageKey> = {
  rejected: 'order.stopped.rejected',
  cancelled: 'order.stopped.cancelled',
  returned: 'order.stopped.returned',
};

/**
 * Where the order is: each step with the time it was reached, the current one marked; a stopped
 * order shows placed and where it stopped, then why (the shop's reason when it gave one) and
 * what that means for the money, never a request to keep cash ready.
 */
function Tracker({ order, timeline, storeName, timeZone }: { order: OrderView; timeline: Partial<Record<OrderStatus, string>>; storeName: string; timeZone: string | undefined }) {
  const t = useT();
  const pickup = order.deliveryMethod === 'pickup';
  const at = (s: OrderStatus) => (s === 'pending' ? order.createdAt : timeline[s]);
  const isStopped = stopped.has(order.status);
  const path: OrderStatus[] = isStopped ? ['pending', order.status] : steps;
  const current = path.indexOf(order.status);
  const stopKey = isStopped ? stopKeys[order.status as keyof typeof stopKeys] : null;
  return (
    <>
      <ol class={`tracker${isStopped ? ' tracker-stopped' : ''}`} aria-label={t('order.tracker.label')}>
        {path.map((s, i) => {
          const when = i <= current ? at(s) : undefined;
          return (
            <li class={i < current ? 'done' : i === current ? 'current' : 'todo'} aria-current={i === current ? 'step' : undefined}>
              <span class="tracker-word">{t(stepKey(s, pickup))}</span>
              {when ? <DateTime iso={when} timeZone={timeZone} /> : i > current && i === current + 1 ? <span class="tracker-next">{t('order.tracker.next')}</span> : null}
            </li>
          );
        })}
      </ol>
      {stopKey && (
        <div class="notice order-stopped">
          <p>{t(stopKey, { store: storeName })}</p>
          {order.statusReason && <p class="stop-reason">{t('order.stopped.reason', { reason: order.statusReason })}</p>}
          {order.payment.status === 'pending' && <p>{t('order.stopped.nothingToPay')}</p>}
          {order.payment.status === 'paid' && <p>{t('order.stopped.refundAsk', { amount: formatMoney(order.total, order.currency), store: storeName })}</p>}
        </div>
      )}
    </>
  );
}

/**
 * Where the payment stands, in a line. Owed money is asked for only while the order is still on
 * its way: a rejected, cancelled or returned order asks for nothing (the tracker says why).
 */
function PaymentNote({ order, storeName }: { order: OrderView; storeName: string }) {
  const t = useT();
  const methodLabel = usePaymentMethodLabel();
  const amount = formatMoney(order.total, order.currency);
  const { method, status } = order.payment;
  if (stopped.has(order.status) && status !== 'refunded') return null;
  if (status === 'paid')
    return (
      <p class="pay-note">
        <PaymentBadge status="paid" /> {t('order.pay.paid', { amount, method: methodLabel(method) })}
      </p>
    );
  if (status === 'refunded')
    return (
      <p class="pay-note">
        <PaymentBadge status="refunded" /> {t('order.pay.refunded', { amount, store: storeName })}
      </p>
    );
  if (method === 'upi') return <p class="pay-note">{t('order.pay.upiLater', { amount, store: storeName })}</p>;
  return <p class="pay-note">{t(order.deliveryMethod === 'pickup' ? 'order.pay.codPickup' : 'order.pay.cod', { amount })}</p>;
}

/** The UPI details to show: only for a UPI order still to be paid that is still on its way. */
function upiToPay(order: OrderView, upi: UpiPayView | null): UpiPayView | null {
  return upi && order.payment.method === 'upi' && order.payment.status === 'pending' && !stopped.has(order.status) ? upi : null;
}

/** The shop's phone as WhatsApp wants it: digits with the country code (a 10-digit Indian number gets 91). */
export function whatsappNumber(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (/^[6-9]\d{9}$/.test(digits)) return `91${digits}`;
  if (/^0[6-9]\d{9}$/.test(digits)) return `91${digits.slice(1)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/** An Indian mobile number as people read it aloud (+91 98765 43210); any other number as stored. */
export function shownPhone(phone: string): string {
  const m = /^(?:\+91|91|0)?([6-9]\d{4})(\d{5})$/.exec(phone.replace(/[\s-]/g, ''));
  return m ? `+91 ${m[1]} ${m[2]}` : phone;
}

/** How to reach the shop about this order: a call, and WhatsApp with the order number already written. */
function Contact({ store, order }: { store: StoreView; order: OrderView }) {
  const t = useT();
  const phone = store.phone?.trim();
  if (!phone) return null;
  const wa = whatsappNumber(phone);
  const text = t('order.contact.message', { store: store.name, number: order.number });
  return (
    <section class="panel order-contact" aria-labelledby="order-contact-title">
      <h2 id="order-contact-title">{t('order.contact.title')}</h2>
      <p class="contact-row">
        <a class="btn btn-secondary contact-call" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
          {t('order.contact.call', { phone: shownPhone(phone) })}
        </a>
        {wa && (
          <a class="btn btn-secondary contact-whatsapp" href={`https://wa.me/${wa}?text=${encodeURIComponent(text)}`} target="_blank" rel="noopener noreferrer">
            {t('order.contact.whatsapp')}
          </a>
        )}
      </p>
    </section>
  );
}

const shareKeys: CopyLinkKey[] = ['order.share.copy', 'order.share.copied', 'order.share.copyByHand', 'order.share.share', 'order.share.whatsapp'];

/** The customer's view of an order: status, lines, totals, where it goes, and how to share it or reach the shop. */
export function OrderPage({ ctx, store, order, justPlaced, upi = null, timeline = {}, orderUrl }: OrderPageProps) {
  const t = useT();
  const shareMessages = useIslandMessages(shareKeys);
  const payNow = upiToPay(order, upi);
  const path = withBase(ctx.basePath, `/${store.slug}/orders/${encodeURIComponent(order.token)}`);
  const title = t('order.title', { number: order.number });
  const word = t(stepKey(order.status, order.deliveryMethod === 'pickup'));
  return (
    <StoreLayout ctx={ctx} store={store} meta={{ title: t('order.metaTitle', { number: order.number, store: store.name }), robots: 'noindex' }}>
      {justPlaced && (
        <div class="thanks" role="status">
          <h1>{t('order.thanks.title', { name: order.customer.name })}</h1>
          <p>
            {t('order.thanks.body', { number: order.number, store: store.name })} {t('order.thanks.keep')}
          </p>
        </div>
      )}
      <section class="panel order-status">
        <div class="order-head">
          {justPlaced ? <h2>{title}</h2> : <h1>{title}</h1>}
          <StatusBadge status={order.status} text={word} />
        </div>
        <Tracker order={order} timeline={timeline} storeName={store.name} timeZone={ctx.timeZone} />
      </section>
      <section class="panel">
        <OrderLinesTable order={order} />
        {!payNow && <PaymentNote order={order} storeName={store.name} />}
      </section>
      {payNow && (
        <section class="panel" aria-labelledby="upi-pay-title">
          <UpiPay upi={payNow} amount={order.total} currency={order.currency} storeName={store.name} />
        </section>
      )}
      {order.invoice && (
        <p class="invoice-link">
          <a class="btn btn-secondary" href={`${path}/invoice`}>
            {order.sellerGstin ? t('order.taxInvoice') : t('order.invoice')}
          </a>
        </p>
      )}
      <section class="panel">
        <h2>{order.deliveryMethod === 'pickup' ? t('order.pickup') : t('order.deliveryTo')}</h2>
        <p class="order-customer">
          {order.customer.name}, {order.customer.phone}
        </p>
        <OrderAddress customer={order.customer} deliveryMethod={order.deliveryMethod} pickupAddress={store.pickupAddress} />
        {order.note && <p class="order-note">{t('order.note', { note: order.note })}</p>}
      </section>
      <section class="panel order-share" aria-labelledby="order-share-title">
        <h2 id="order-share-title">{t('order.share.title')}</h2>
        <Island
          name="copy-link"
          props={{
            id: 'order-link',
            label: t('order.share.linkLabel'),
            url: orderUrl ?? path,
            m: shareMessages,
            share: { title, text: t('order.share.text', { number: order.number, store: store.name }) },
          }}
        />
      </section>
      <Contact store={store} order={order} />
      <p>
        <a class="btn btn-secondary" href={withBase(ctx.basePath, `/${store.slug}`)}>
          {t('order.back', { store: store.name })}
        </a>
      </p>
    </StoreLayout>
  );
}
