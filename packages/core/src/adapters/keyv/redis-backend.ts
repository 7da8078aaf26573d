import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Backend } from './backend.js';
import { closeClient } from './close-client.js';
import { redisBus } from './redis-bus.js';

const CONNECT_TIMEOUT_MS = 2000;
const MAX_BACKOFF_MS = 1000;

// One round trip, atomic across instances: the first hit (or a counter that somehow lost
// its expiry) starts the window; PTTL tells the caller when it ends.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** Keys retry forever with a bounded backoff, so a Redis that comes back is picked up. */
function reconnectStrategy(retries: number): number {
  return Math.min(50 * 2 ** retries, MAX_BACKOFF_MS) + Math.floor(Math.random() * 50);
}

/** A Keyv on @keyv/redis plus raw-client counters, sharing one node-redis connection. */
export function redisBackend(redisUrl: string, namespace: string): Backend {
  const client = createClient({
    url: redisUrl,
    // Without this, commands queue while disconnected and calls hang instead of failing.
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy },
  });
  // Failures reach callers as rejected commands; without a listener an 'error' event crashes the process.
  client.on('error', () => {});
  let everReady = false;
  const firstConnect = client.connect().then(
    () => { everReady = true; },
    () => {},
  );
  const store = new KeyvRedis<unknown>(client, { namespace, throwOnErrors: true, throwOnConnectError: true });
  store.on('error', () => {});
  const keyv = new Keyv({ store, namespace, useKeyPrefix: false, throwOnErrors: true });
  keyv.on('error', () => {});

  const bus = redisBus(client as unknown as Parameters<typeof redisBus>[0], `${namespace}::bus:`);
  return {
    keyv,
    bus,
    // Only the very first connection is waited for; later outages fail fast (no offline queue).
    ready: async () => { if (!everReady) await firstConnect; },
    // Values and counters share one Redis key, so one DEL removes either.
    async delete(key) {
      await keyv.delete(key);
    },
    async increment(key, windowMs) {
      const reply = await client.sendCommand([
        'EVAL', INCREMENT_SCRIPT, '1', store.createKeyPrefix(key, namespace), String(windowMs),
      ]);
      const [count, resetInMs] = reply as unknown as [number, number];
      return { count, resetInMs };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      bus.stopAll();
      await closeClient(client);
    },
  };
}
