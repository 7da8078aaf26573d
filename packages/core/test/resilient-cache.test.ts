import t from 'tap';
import { Circuit } from '../src/cache/circuit.js';
import { singleFlight } from '../src/cache/memoize.js';
import type { CacheStores } from '../src/cache/ports.js';
import { resilientCache, resilientCounters } from '../src/cache/resilient-ports.js';
import { wireCaching } from '../src/cache/wire-caching.js';
import { inProcessEventBus } from '../src/events.js';

type Mode = 'ok' | 'throw' | 'hang';

/** Stores whose every call succeeds, throws or never settles, counting the calls that reach them. */
function fakeStores(): CacheStores & { mode: Mode; calls: number; pingDelayMs: number } {
  const values = new Map<string, unknown>();
  const fake = {
    mode: 'ok' as Mode,
    calls: 0,
    pingDelayMs: 0,
    async run<T>(work: () => T | Promise<T>): Promise<T> {
      fake.calls += 1;
      if (fake.mode === 'throw') throw new Error('connection refused');
      if (fake.mode === 'hang') return new Promise<T>(() => {});
      return work();
    },
    cache: {
      get: <T>(key: string) => fake.run(() => values.get(key) as T | undefined),
      set: (key: string, value: unknown) => fake.run(() => void values.set(key, value)),
      delete: (key: string) => fake.run(() => void values.delete(key)),
    },
    counters: {
      increment: () => fake.run(() => ({ count: 7, resetInMs: 1000 })),
      decrement: () => fake.run(() => undefined),
    },
    bus: null,
    ping: () => fake.run<void>(() => sleep(fake.pingDelayMs)),
    close: async () => {},
  };
  return fake;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

/** The ports as core gets them, over `inner`, with a short bound. */
function wired(inner: CacheStores, options: { timeoutMs?: number; countersTimeoutMs?: number; coolDownMs?: number; pingTimeoutMs?: number; onError?: (e: unknown, op: string) => void } = {}) {
  return wireCaching(inner, { timeoutMs: 30, countersTimeoutMs: 30, storeTtlMs: 60_000, localTtlMs: 0, ...options }, inProcessEventBus());
}

t.test('passes calls through while the inner stores are healthy', async (t) => {
  const { cache, counters, ping, close } = wired(fakeStores());
  t.teardown(close);
  await cache.set('k', { a: 1 });
  t.same(await cache.get('k'), { a: 1 });
  t.same(await counters.increment('c', 1000), { count: 7, resetInMs: 1000 });
  await t.resolves(ping());
});

for (const mode of ['throw', 'hang'] as const) {
  t.test(`inner stores that ${mode} degrade within one bound per call`, async (t) => {
    const inner = fakeStores();
    inner.mode = mode;
    const errors: string[] = [];
    const { cache, counters, ping, close } = wired(inner, { coolDownMs: 0, pingTimeoutMs: 100, onError: (_, op) => errors.push(op) });
    t.teardown(close);
    const took = await elapsed(async () => {
      t.equal(await cache.get('k'), undefined, 'get misses');
      t.equal(await cache.set('k', 1), undefined, 'set resolves');
      t.equal(await cache.delete('k'), undefined, 'delete resolves');
      t.same(await counters.increment('c', 1000), { count: 0, resetInMs: 0 }, 'increment fails open');
      t.equal(await counters.decrement('c'), undefined, 'decrement resolves');
    });
    // Five calls at one 30 ms bound each; stacked bounds (or the 1 s one) would take far longer.
    t.ok(took < 5 * 30 + 150, `five calls took ${took} ms`);
    await t.rejects(ping(), 'ping rejects');
    t.same(errors, ['get', 'set', 'delete', 'increment', 'decrement', 'ping'], 'each failure is reported');
  });
}

t.test('readiness does not flap on one slow reply: ping has its own, longer bound', async (t) => {
  const inner = fakeStores();
  const { ping, close } = wired(inner, { timeoutMs: 50 });
  t.teardown(close);
  inner.pingDelayMs = 300;
  await t.resolves(ping(), 'a 300 ms ping is slow, not down');
  inner.mode = 'hang';
  const took = await elapsed(() => ping().catch(() => undefined));
  t.ok(took >= 900 && took < 1500, `a ping that never answers fails after about 1 s (${took} ms)`);
});

t.test('after a failure the circuit skips the inner cache, then probes', async (t) => {
  const inner = fakeStores();
  const cache = resilientCache(inner.cache, new Circuit({ timeoutMs: 30, coolDownMs: 200 }));
  inner.mode = 'hang';
  t.equal(await cache.get('k'), undefined);
  t.equal(inner.calls, 1);
  const skipped = await Promise.all(Array.from({ length: 20 }, () => cache.get('k')));
  t.ok(skipped.every((value) => value === undefined), 'skipped gets miss');
  t.equal(inner.calls, 1, 'calls during the cool-down never reach the inner cache');

  inner.mode = 'ok';
  await inner.cache.set('k', 'back');
  const before = inner.calls;
  await sleep(250);
  t.equal(await cache.get('k'), 'back', 'the first call after the cool-down probes and succeeds');
  t.equal(inner.calls, before + 1);
  await cache.get('k');
  t.equal(inner.calls, before + 2, 'the circuit is closed again');
});

t.test('counters are attempted even while the circuit is open, and fail open', async (t) => {
  const inner = fakeStores();
  const circuit = new Circuit({ timeoutMs: 30, coolDownMs: 60_000 });
  const cache = resilientCache(inner.cache, circuit);
  const counters = resilientCounters(inner.counters, circuit, 100);
  inner.mode = 'throw';
  await cache.get('k');
  inner.mode = 'ok';
  const calls = inner.calls;
  t.equal((await counters.increment('c', 1000)).count, 7, 'a page read that tripped the breaker does not switch the limits off');
  t.equal(inner.calls, calls + 1);
  inner.mode = 'throw';
  t.same(await counters.increment('c', 1000), { count: 0, resetInMs: 0 }, 'a failing cache counts 0: nobody is locked out');
  inner.mode = 'hang';
  t.same(await counters.increment('c', 1000), { count: 0, resetInMs: 0 }, 'a hanging one too, within the bound');
});

t.test('while one probe is in flight, other calls keep skipping', async (t) => {
  const inner = fakeStores();
  const cache = resilientCache(inner.cache, new Circuit({ timeoutMs: 50, coolDownMs: 20 }));
  inner.mode = 'throw';
  await cache.get('k');
  await sleep(40);
  inner.mode = 'hang';
  const calls = inner.calls;
  await Promise.all([cache.get('a'), cache.get('b'), cache.get('c')]);
  t.equal(inner.calls, calls + 1, 'only one probe reached the inner cache');
});

t.test('ping always reaches the inner stores and closes the circuit', async (t) => {
  const inner = fakeStores();
  const { cache, ping, close } = wired(inner, { coolDownMs: 60_000 });
  t.teardown(close);
  inner.mode = 'throw';
  await cache.get('k');
  inner.mode = 'ok';
  await t.resolves(ping());
  const calls = inner.calls;
  await cache.get('k');
  t.equal(inner.calls, calls + 1, 'a successful ping ends the cool-down');
});

t.test('singleFlight collapses concurrent loads of one key', async (t) => {
  const flight = singleFlight();
  let loads = 0;
  const load = async () => {
    loads += 1;
    await sleep(20);
    return { loads };
  };
  const results = await Promise.all([flight('k', load), flight('k', load), flight('k', load)]);
  t.equal(loads, 1);
  t.ok(results.every((r) => r === results[0]), 'every caller gets the same value');
  t.equal((await flight('other', load)).loads, 2, 'other keys load separately');
  t.equal((await flight('k', load)).loads, 3, 'a settled load is forgotten');
});

t.test('singleFlight shares an error with every waiter, then forgets it', async (t) => {
  const flight = singleFlight();
  let loads = 0;
  const failing = async (): Promise<string> => {
    loads += 1;
    await sleep(10);
    throw new Error('database down');
  };
  const settled = await Promise.allSettled([flight('k', failing), flight('k', failing)]);
  t.equal(loads, 1);
  t.same(settled.map((s) => s.status), ['rejected', 'rejected']);
  t.equal(await flight('k', async () => 'ok'), 'ok', 'the next call loads again');
});

t.test('singleFlight turns a synchronous throw into a rejection', async (t) => {
  const flight = singleFlight();
  await t.rejects(flight('k', () => { throw new Error('boom'); }), { message: 'boom' });
  t.equal(await flight('k', async () => 1), 1);
});
