import t from 'tap';
import type { Cache } from '../src/cache/cache.js';
import { singleFlight } from '../src/cache/memoize.js';
import { resilientCache } from '../src/cache/resilient-cache.js';

type Mode = 'ok' | 'throw' | 'hang';

/** A cache whose every call succeeds, throws or never settles, counting the calls that reach it. */
function fakeCache(): Cache & { mode: Mode; calls: number } {
  const values = new Map<string, unknown>();
  const fake = {
    mode: 'ok' as Mode,
    calls: 0,
    async run<T>(work: () => T): Promise<T> {
      fake.calls += 1;
      if (fake.mode === 'throw') throw new Error('connection refused');
      if (fake.mode === 'hang') return new Promise<T>(() => {});
      return work();
    },
    get: <T>(key: string) => fake.run(() => values.get(key) as T | undefined),
    set: (key: string, value: unknown) => fake.run(() => void values.set(key, value)),
    delete: (key: string) => fake.run(() => void values.delete(key)),
    increment: () => fake.run(() => ({ count: 7, resetInMs: 1000 })),
    ping: () => fake.run(() => undefined),
    close: async () => {},
  };
  return fake;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

t.test('passes calls through while the inner cache is healthy', async (t) => {
  const cache = resilientCache(fakeCache());
  await cache.set('k', { a: 1 });
  t.same(await cache.get('k'), { a: 1 });
  t.same(await cache.increment('c', 1000), { count: 7, resetInMs: 1000 });
  await t.resolves(cache.ping());
});

for (const mode of ['throw', 'hang'] as const) {
  t.test(`an inner cache that ${mode}s degrades within the bound`, async (t) => {
    const inner = fakeCache();
    inner.mode = mode;
    const errors: string[] = [];
    const cache = resilientCache(inner, { timeoutMs: 30, coolDownMs: 0, onError: (_, op) => errors.push(op) });
    const took = await elapsed(async () => {
      t.equal(await cache.get('k'), undefined, 'get misses');
      t.equal(await cache.set('k', 1), undefined, 'set resolves');
      t.equal(await cache.delete('k'), undefined, 'delete resolves');
      t.same(await cache.increment('c', 1000), { count: 0, resetInMs: 0 }, 'increment fails open');
      await t.rejects(cache.ping(), 'ping rejects');
    });
    t.ok(took < 2000, `five calls took ${took} ms`);
    t.same(errors, ['get', 'set', 'delete', 'increment', 'ping'], 'each failure is reported');
  });
}

t.test('after a failure the circuit skips the inner cache, then probes', async (t) => {
  const inner = fakeCache();
  const cache = resilientCache(inner, { timeoutMs: 30, coolDownMs: 200 });
  inner.mode = 'hang';
  t.equal(await cache.get('k'), undefined);
  t.equal(inner.calls, 1);
  const skipped = await Promise.all(Array.from({ length: 20 }, () => cache.get('k')));
  t.ok(skipped.every((value) => value === undefined), 'skipped gets miss');
  t.equal(inner.calls, 1, 'calls during the cool-down never reach the inner cache');

  inner.mode = 'ok';
  await inner.set('k', 'back');
  const before = inner.calls;
  await sleep(250);
  t.equal(await cache.get('k'), 'back', 'the first call after the cool-down probes and succeeds');
  t.equal(inner.calls, before + 1);
  await cache.get('k');
  t.equal(inner.calls, before + 2, 'the circuit is closed again');
});

t.test('while one probe is in flight, other calls keep skipping', async (t) => {
  const inner = fakeCache();
  const cache = resilientCache(inner, { timeoutMs: 50, coolDownMs: 20 });
  inner.mode = 'throw';
  await cache.get('k');
  await sleep(40);
  inner.mode = 'hang';
  const calls = inner.calls;
  await Promise.all([cache.get('a'), cache.get('b'), cache.get('c')]);
  t.equal(inner.calls, calls + 1, 'only one probe reached the inner cache');
});

t.test('ping always reaches the inner cache and closes the circuit', async (t) => {
  const inner = fakeCache();
  const cache = resilientCache(inner, { timeoutMs: 30, coolDownMs: 60_000 });
  inner.mode = 'throw';
  await cache.get('k');
  inner.mode = 'ok';
  await t.resolves(cache.ping());
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
