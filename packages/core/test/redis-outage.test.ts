import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { wireCaching, type CachingOptions } from '../src/cache/wire-caching.js';
import { inProcessEventBus } from '../src/events.js';
import { uniqueTestName } from '../src/testing/services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A private, throwaway redis-server; resolves once it accepts connections (bounded). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave an orphan behind, even when the test process dies early.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.once('error', reject);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  try {
    await ready;
  } finally {
    clearTimeout(timer);
  }
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** Polls `check` every 50 ms for up to `limitMs`; resolves whether it became true. */
async function eventually(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(50);
  }
  return false;
}

/** The adapter's stores as core wires them. */
function wired(redisUrl: string, options: Partial<CachingOptions>) {
  const stores = keyvCache({ redisUrl, namespace: uniqueTestName('outage') });
  return wireCaching(stores, { timeoutMs: 50, storeTtlMs: 60_000, localTtlMs: 1000, ...options }, inProcessEventBus());
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

t.test('Redis going away degrades the cache, and coming back restores it', async (t) => {
  const port = await freePort();
  const redisUrl = `redis://127.0.0.1:${port}`;
  let server = await startRedis(port);
  // A root-level teardown would wait for the process to go idle, which the child prevents.
  t.teardown(() => stopRedis(server));
  const errors: string[] = [];
  const caching = wired(redisUrl, { timeoutMs: 100, coolDownMs: 200, onError: (_, operation) => errors.push(operation) });
  const { cache, counters } = caching;
  t.teardown(() => caching.close());
  await cache.set('k', 'before');
  t.equal(await cache.get('k'), 'before');

  await stopRedis(server);

  const get = await timed(cache.get('k'));
  t.equal(get.value, undefined, 'get is a miss');
  const set = await timed(cache.set('k', 'during'));
  t.equal(set.value, undefined, 'set is a no-op');
  const increment = await timed(counters.increment('hits', 60_000));
  t.same(increment.value, { count: 0, resetInMs: 0 }, 'increment fails open');
  for (const [name, { ms }] of Object.entries({ get, set, increment })) t.ok(ms < 1000, `${name} resolved in ${ms} ms`);
  const ping = await timed(caching.ping().then(() => 'answered', () => 'rejected'));
  t.equal(ping.value, 'rejected', 'ping rejects');
  t.ok(ping.ms < 1500, `ping gave up in ${ping.ms} ms`);
  t.ok(errors.length > 0, 'failures were reported');

  server = await startRedis(port);
  t.ok(await eventually(async () => (await caching.ping(), true), 5000), 'ping succeeds again');
  await cache.set('k', 'after');
  t.equal(await cache.get('k'), 'after', 'set and get work again');
  t.equal((await counters.increment('hits', 60_000)).count, 1, 'counters work again');
});

t.test('a cache started while Redis is down degrades and closes promptly', async (t) => {
  const caching = wired(`redis://127.0.0.1:${await freePort()}`, {});
  const get = await timed(caching.cache.get('k'));
  t.equal(get.value, undefined);
  t.ok(get.ms < 1000, `the first get gave up in ${get.ms} ms`);
  t.same(await caching.counters.increment('c', 1000), { count: 0, resetInMs: 0 });
  await t.rejects(caching.ping());
  const close = await timed(caching.close());
  t.ok(close.ms < 1000, `close took ${close.ms} ms`);
});
