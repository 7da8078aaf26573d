import { formatMoney } from '@dukaan-kit/core/pricing';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';

/** The texts the island shows, in the page's language (the layout passes them as `m`). */
// Lower-case in English: the status follows the line's "·" ("New order #12 · Asha · ₹210 · accepted").
const statusKeys = [
  'dashboard.live.status.pending',
  'dashboard.live.status.accepted',
  'dashboard.live.status.rejected',
  'dashboard.live.status.shipped',
  'dashboard.live.status.delivered',
  'dashboard.live.status.cancelled',
  'dashboard.live.status.returned',
] as const;
type StatusKey = (typeof statusKeys)[number];
export const liveOrderKeys = ['dashboard.live.label', 'dashboard.live.newOrder', 'dashboard.live.customer', 'dashboard.live.soundOn', 'dashboard.live.soundOff', ...statusKeys] as const;

/** Props of the 'live-orders' island: where the stream and the orders are, and how many wait now. */
export interface LiveOrdersProps {
  /** The stream's URL (`{prefix}/api/v1/orders/live`). */
  stream: string;
  /** The orders page (`{prefix}/dashboard/orders`); each order links to `{orders}/{id}`. */
  orders: string;
  /** Orders waiting when the page was rendered. */
  pending: number;
  m: IslandMessages<(typeof liveOrderKeys)[number]>;
}

/** What the stream says about an order (the API's LiveOrderEvent; only what is shown is read). */
interface LiveOrder {
  type: string;
  orderId: string;
  number: number;
  status: string;
  customerName: string;
  total: number;
  currency: string;
  pending: number;
}

/** A status from the stream in words; one this page does not know yet, as sent. */
function statusText(t: (key: StatusKey) => string, status: string): string {
  const key = `dashboard.live.status.${status}`;
  return (statusKeys as readonly string[]).includes(key) ? t(key as StatusKey) : status;
}

const soundKey = 'dukaan.liveSound';
const maxShown = 10;

/** A short two-tone beep, made here (no audio file to download). */
function beep(audio: AudioContext): void {
  const now = audio.currentTime;
  const gain = audio.createGain();
  gain.connect(audio.destination);
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.35);
  [880, 1320].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(now + i * 0.12);
    tone.stop(now + 0.12 + i * 0.12);
  });
}

/**
 * New orders at the top of the dashboard as they come in, from the live stream; the tab's
 * title counts the orders waiting, and an optional beep (off until the vendor turns it on:
 * browsers only play sound after a click anyway). The server renders an empty list, so the
 * page is the same without JavaScript; the stream reconnects with a growing pause when it drops.
 */
export function LiveOrders({ stream, orders, pending: initial, m }: LiveOrdersProps) {
  const t = islandT(m);
  const [items, setItems] = useState<LiveOrder[]>([]);
  const [pending, setPending] = useState(initial);
  const [sound, setSound] = useState(false);
  const audio = useRef<AudioContext | null>(null);
  const soundOn = useRef(false);
  const title = useRef('');

  useEffect(() => {
    title.current = document.title.replace(/^\(\d+\) /, '');
    try {
      soundOn.current = localStorage.getItem(soundKey) === 'on';
    } catch {
      // Storage refused (private mode): the sound stays off.
    }
    setSound(soundOn.current);
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pause = 1000;
    // Refusals in a row without a hello: a signed-out tab (401) stops asking after about two
    // minutes instead of knocking every minute for as long as it stays open.
    let refusals = 0;
    const connect = () => {
      source = new EventSource(stream);
      source.addEventListener('hello', (e) => {
        pause = 1000;
        refusals = 0;
        setPending((JSON.parse((e as MessageEvent<string>).data) as { pending: number }).pending);
      });
      source.addEventListener('order', (e) => {
        const order = JSON.parse((e as MessageEvent<string>).data) as LiveOrder;
        setPending(order.pending);
        // An event may come twice (a broadcast retried): the order's id keeps one line per order.
        setItems((list) => {
          const known = list.some((o) => o.orderId === order.orderId);
          if (order.type !== 'order.placed' && !known) return list;
          return known ? list.map((o) => (o.orderId === order.orderId ? order : o)) : [order, ...list].slice(0, maxShown);
        });
        if (order.type === 'order.placed' && soundOn.current && audio.current) beep(audio.current);
      });
      source.onerror = () => {
        // EventSource retries a dropped connection itself; a refusal (401, 429) closes it for good.
        if (source?.readyState !== EventSource.CLOSED) return;
        refusals += 1;
        if (refusals > 6) return;
        timer = setTimeout(connect, pause);
        pause = Math.min(pause * 2, 60_000);
      };
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [stream]);

  useEffect(() => {
    if (title.current) document.title = pending > 0 ? `(${pending}) ${title.current}` : title.current;
  }, [pending]);

  const toggle = () => {
    const on = !sound;
    soundOn.current = on;
    setSound(on);
    try {
      localStorage.setItem(soundKey, on ? 'on' : 'off');
    } catch {
      // Not remembered, but on for this page.
    }
    if (on) {
      audio.current ??= new AudioContext();
      void audio.current.resume();
      beep(audio.current);
    }
  };

  return (
    <section class="live-orders" aria-label={t('dashboard.live.label')}>
      <ul class="live-list" aria-live="polite">
        {items.map((o) => (
          <li key={o.orderId} class={`live-order live-${o.status}`}>
            <a href={`${orders}/${encodeURIComponent(o.orderId)}`}>
              {t('dashboard.live.newOrder', { number: String(o.number), customer: o.customerName || t('dashboard.live.customer'), total: formatMoney(o.total, o.currency) })}
            </a>
            {o.status !== 'pending' && <span class="live-status"> · {statusText(t, o.status)}</span>}
          </li>
        ))}
      </ul>
      <button type="button" class="btn-link js-only live-sound" aria-pressed={sound} onClick={toggle}>
        {sound ? t('dashboard.live.soundOn') : t('dashboard.live.soundOff')}
      </button>
    </section>
  );
}
