import type { Test } from 'tap';
import { eventually, withFixture, type CountersFactory } from './fixture.js';

/** increment counts within a fixed window, resets after it, and is atomic; decrement gives one back. */
export function counters(t: Test, factory: CountersFactory): void {
  withFixture(t, factory, 'increment counts from 1 within one window', async (t, { counters }) => {
    const first = await counters.increment('hits', 60_000);
    t.equal(first.count, 1);
    t.ok(first.resetInMs > 0 && first.resetInMs <= 60_000, 'resetInMs lies within the window');
    const second = await counters.increment('hits', 60_000);
    t.equal(second.count, 2);
    t.ok(second.resetInMs <= first.resetInMs, 'a later hit does not extend the window');
    t.equal((await counters.increment('hits', 60_000)).count, 3);
  });

  withFixture(t, factory, 'counters are independent per key', async (t, { counters }) => {
    await counters.increment('a', 60_000);
    await counters.increment('a', 60_000);
    t.equal((await counters.increment('b', 60_000)).count, 1);
  });

  withFixture(t, factory, 'a counter starts again after its window', async (t, { counters }) => {
    t.equal((await counters.increment('window', 100)).count, 1);
    const reset = await eventually(async () => (await counters.increment('window', 100)).count === 1, 2000);
    t.ok(reset, 'a later increment sees a fresh window');
  });

  withFixture(t, factory, '50 concurrent increments give 1..50 exactly once', async (t, { counters }) => {
    const results = await Promise.all(Array.from({ length: 50 }, () => counters.increment('burst', 60_000)));
    const counts = results.map((r) => r.count).sort((a, b) => a - b);
    t.same(counts, Array.from({ length: 50 }, (_, i) => i + 1));
  });

  decrements(t, factory);
}

function decrements(t: Test, factory: CountersFactory): void {
  withFixture(t, factory, 'decrement gives one back within the same window', async (t, { counters }) => {
    const first = await counters.increment('login', 60_000);
    await counters.increment('login', 60_000);
    await counters.decrement('login');
    const next = await counters.increment('login', 60_000);
    t.equal(next.count, 2, 'two hits, one given back, one more');
    t.ok(next.resetInMs <= first.resetInMs, 'the window was not restarted');
  });

  withFixture(t, factory, 'decrement never goes below 0 and creates nothing', async (t, { counters }) => {
    await counters.decrement('absent');
    t.equal((await counters.increment('absent', 60_000)).count, 1, 'an absent counter stayed absent');
    await counters.decrement('absent');
    await counters.decrement('absent');
    t.equal((await counters.increment('absent', 60_000)).count, 1, 'stopped at 0');
  });

  withFixture(t, factory, 'concurrent increments and decrements balance out', async (t, { counters }) => {
    await Promise.all(Array.from({ length: 20 }, () => counters.increment('pair', 60_000)));
    await Promise.all(Array.from({ length: 20 }, () => counters.decrement('pair')));
    t.equal((await counters.increment('pair', 60_000)).count, 1);
  });
}
