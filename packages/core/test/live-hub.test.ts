// The hub's bookkeeping, on a recording bus: one bus subscription per watched store, taken with
// the first subscriber and dropped with the last; the bounds; a failed broadcast still reaches
// this process; messages that are not events are dropped.
import t from 'tap';
import type { Test } from 'tap';
import type { Bus } from '../src/cache/ports.js';
import { LiveHub, liveChannel, type LiveLimits } from '../src/live/live-hub.js';
import { liveSettings, wireLive } from '../src/live/live-feed.js';
import type { LiveOrderEvent, LivePing } from '../src/live/live-order-event.js';
import { inProcessEventBus } from '../src/events.js';
import { systemClock } from '../src/shared/clock.js';
import type { Persistence } from '../src/persistence.js';
import { createClient } from '@keyv/redis';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

function recordingBus(options: { failPublish?: boolean } = {}) {
  const channels = new Map<string, { onMessage: (m: string) => void; onLive: (live: boolean) => void }>();
  const log: string[] = [];
  const bus: Bus = {
    async publish(channel, message) {
      if (options.failPublish) throw new Error('redis is away');
      channels.get(channel)?.onMessage(message);
    },
    subscribe(channel, onMessage, onLive) {
      log.push(`subscribe ${channel}`);
      channels.set(channel, { onMessage, onLive });
      return () => {
        log.push(`stop ${channel}`);
        channels.delete(channel);
      };
    },
  };
  return { bus, channels, log };
}

const event: LiveOrderEvent = {
  type: 'order.placed',
  orderId: '0b5f3e9c-0000-4000-8000-000000000001',
  number: 1001,
  status: 'pending',
  customerName: 'Asha',
  total: 21000,
  currency: 'INR',
  createdAt: '2026-11-29T10:00:00.000Z',
  pending: 1,
};

const ping: LivePing = { type: 'order.placed', orderId: event.orderId };
/** Reads "the order" of a ping: the event above, for its id; counts its calls. */
function resolver() {
  const calls: string[] = [];
  const resolve = async (storeId: string, p: LivePing) => {
    calls.push(`${storeId}:${p.orderId}`);
    return p.orderId === event.orderId ? { ...event, type: p.type } : null;
  };
  return { resolve, calls };
}
/** Lets the hub's reads settle. */
const settle = () => new Promise((r) => setTimeout(r, 10));

const limits: LiveLimits = { perStore: 2, total: 3, stores: 2 };
const noErrors = (t: Test) => (error: unknown, operation: string) => t.fail(`${operation}: ${String(error)}`);

t.test('one bus subscription per store, from the first subscriber to the last', async (t) => {
  const { bus, channels, log } = recordingBus();
  const { resolve, calls } = resolver();
  const hub = new LiveHub(bus, { perStore: 5, total: 10, stores: 5 }, noErrors(t), resolve);
  const heard: string[] = [];
  const liveStates: boolean[] = [];
  const stop1 = hub.subscribe('s1', (e) => heard.push(`1:${e.number}`), (live) => liveStates.push(live));
  const stop2 = hub.subscribe('s1', (e) => heard.push(`2:${e.number}`));
  t.same(log, [`subscribe ${liveChannel('s1')}`], 'the second subscriber shares the first one\'s subscription');
  channels.get(liveChannel('s1'))!.onLive(true);
  t.same(liveStates, [true], 'told when delivery starts');
  const late: boolean[] = [];
  hub.subscribe('s1', () => {}, (live) => late.push(live))();
  t.same(late, [true], 'a subscriber joining a live store is told at once');
  await hub.publish('s1', ping);
  await settle();
  t.same(heard, ['1:1001', '2:1001']);
  t.same(calls, [`s1:${event.orderId}`], 'the order is read once for both subscribers');
  stop1();
  stop1();
  t.same(hub.size, { subscribers: 1, stores: 1 }, 'removing twice counts once');
  stop2();
  t.same(log, [`subscribe ${liveChannel('s1')}`, `stop ${liveChannel('s1')}`], 'the last one out drops the subscription');
  t.same(hub.size, { subscribers: 0, stores: 0 });
  await hub.publish('s1', ping);
  await settle();
  t.same(heard, ['1:1001', '2:1001'], 'nothing more arrives');
  t.equal(calls.length, 1, 'and nothing is read when nobody here watches');
});

t.test('the bounds: tabs per store, subscribers per process, stores per process', async (t) => {
  const hub = new LiveHub(recordingBus().bus, limits, noErrors(t), resolver().resolve);
  const stops = [hub.subscribe('s1', () => {}), hub.subscribe('s1', () => {})];
  t.throws(() => hub.subscribe('s1', () => {}), { code: 'RATE_LIMITED', message: /2 tabs/ });
  stops.push(hub.subscribe('s2', () => {}));
  t.throws(() => hub.subscribe('s2', () => {}), { code: 'RATE_LIMITED', message: /Too many live dashboards/ }, 'the process total');
  stops.shift()!();
  t.throws(() => hub.subscribe('s3', () => {}), { code: 'RATE_LIMITED' }, 'a third store');
  t.same(hub.size, { subscribers: 2, stores: 2 }, 'refused subscribers hold nothing');
  for (const stop of stops) stop();
  t.doesNotThrow(() => hub.subscribe('s3', () => {})());
  t.same(hub.size, { subscribers: 0, stores: 0 });
});

t.test('a broadcast that fails still reaches this process', async (t) => {
  const errors: string[] = [];
  const hub = new LiveHub(recordingBus({ failPublish: true }).bus, limits, (_e, operation) => errors.push(operation), resolver().resolve);
  const heard: LiveOrderEvent[] = [];
  t.teardown(hub.subscribe('s1', (e) => heard.push(e)));
  await hub.publish('s1', ping);
  await settle();
  t.same(heard, [event]);
  t.same(errors, ['live publish']);
});

t.test('bus messages that are not pings are dropped; only the order id is read', async (t) => {
  const { bus, channels } = recordingBus();
  const { resolve, calls } = resolver();
  const hub = new LiveHub(bus, limits, noErrors(t), resolve);
  const heard: unknown[] = [];
  t.teardown(hub.subscribe('s1', (e) => heard.push(e)));
  const send = channels.get(liveChannel('s1'))!.onMessage;
  for (const raw of ['not json', 'null', '[]', JSON.stringify({ ...ping, type: 'order.payment_changed' }), JSON.stringify({ type: 'order.placed' }), JSON.stringify({ ...ping, orderId: 'x'.repeat(500) })]) send(raw);
  await settle();
  t.same(heard, []);
  t.same(calls, [], 'nothing read for them');
  send(JSON.stringify({ ...ping, customerName: 'Mallory', phone: '+919876543210' }));
  await settle();
  t.same(heard, [event], 'what dashboards hear comes from the order, not from the message');
  send(JSON.stringify({ type: 'order.placed', orderId: 'gone' }));
  await settle();
  t.equal(heard.length, 1, 'an order that is not there is not announced');
});

t.test('wireLive refuses bad bounds, and close waits for announcements', async (t) => {
  const context = { persistence: {} as Persistence, clock: systemClock, events: inProcessEventBus(), onError: () => {} };
  t.throws(() => liveSettings({ heartbeatMs: 0 }), /heartbeatMs/);
  t.throws(() => liveSettings({ perStore: 1.5 }), /perStore/);
  const feed = wireLive(context, null, liveSettings({}));
  t.equal(feed.facade.heartbeatMs, 20_000);
  await feed.close();
  await feed.close();
});

const { redisUrl } = testServices();
t.test('on Redis: the last subscriber out leaves no subscription behind', { skip: redisUrl ? false : 'no Redis' }, async (t) => {
  const namespace = uniqueTestName('lh');
  const stores = keyvCache({ redisUrl: redisUrl!, namespace });
  const probe = createClient({ url: redisUrl! });
  await probe.connect();
  t.teardown(async () => {
    await probe.quit();
    await stores.close();
  });
  const hub = new LiveHub(stores.bus, { perStore: 5, total: 10, stores: 5 }, noErrors(t), resolver().resolve);
  const channel = `${namespace}::bus:${liveChannel('s1')}`;
  const subscribers = async () => Number((await probe.pubSubNumSub(channel))[channel] ?? 0);
  const until = async (check: () => Promise<boolean>) => {
    const end = Date.now() + 3000;
    while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return check();
  };
  let live = false;
  const stops = [hub.subscribe('s1', () => {}, (value) => (live = value)), hub.subscribe('s1', () => {})];
  t.ok(await until(async () => live), 'live');
  t.equal(await subscribers(), 1, 'two local subscribers share one Redis subscription');
  stops[0]!();
  t.equal(await subscribers(), 1, 'still one while a subscriber is left');
  stops[1]!();
  t.ok(await until(async () => (await subscribers()) === 0), 'none once the last left');
});
