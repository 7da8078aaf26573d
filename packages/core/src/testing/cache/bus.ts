import type { Test } from 'tap';
import type { Bus } from '../../cache/ports.js';
import { eventually, sleep, withFixture, type BusFactory } from './fixture.js';

/** Subscribes and resolves once delivery is live (bounded), collecting what arrives. */
async function listen(t: Test, bus: Bus, channel: string): Promise<{ messages: string[]; stop: () => void }> {
  const messages: string[] = [];
  let live = false;
  const stop = bus.subscribe(channel, (m) => messages.push(m), (value) => (live = value));
  t.teardown(stop);
  t.ok(await eventually(async () => live, 3000), `${channel}: delivery is live`);
  return { messages, stop };
}

/** publish reaches every live subscriber of the channel, in this process and through a peer; unsubscribe stops it. */
export function bus(t: Test, factory: BusFactory): void {
  withFixture(t, factory, 'a message reaches every subscriber of its channel, and only them', async (t, { bus, peer }) => {
    const here = await listen(t, bus, 'news');
    const there = await listen(t, peer, 'news');
    const other = await listen(t, peer, 'other');
    await bus.publish('news', 'hello ✓');
    t.ok(await eventually(async () => here.messages.length === 1 && there.messages.length === 1, 3000), 'both got it');
    t.same(here.messages, ['hello ✓']);
    t.same(there.messages, ['hello ✓']);
    await sleep(50);
    t.same(other.messages, [], 'another channel heard nothing');
  });

  withFixture(t, factory, 'messages from one publisher arrive in order', async (t, { bus, peer }) => {
    const there = await listen(t, peer, 'ordered');
    for (let i = 0; i < 20; i++) await bus.publish('ordered', String(i));
    t.ok(await eventually(async () => there.messages.length === 20, 3000));
    t.same(there.messages, Array.from({ length: 20 }, (_, i) => String(i)));
  });

  withFixture(t, factory, 'after unsubscribing nothing more arrives', async (t, { bus, peer }) => {
    const there = await listen(t, peer, 'quiet');
    await bus.publish('quiet', 'one');
    t.ok(await eventually(async () => there.messages.length === 1, 3000));
    there.stop();
    await bus.publish('quiet', 'two');
    await sleep(100);
    t.same(there.messages, ['one']);
  });

  withFixture(t, factory, 'publishing with no subscriber resolves', async (t, { bus }) => {
    await t.resolves(bus.publish('nobody-listens', 'x'));
  });
}
