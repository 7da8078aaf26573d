import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Backend } from './backend.js';
import { closeClient } from './close-client.js';
import { redisBus } from './redis-bus.js';
import { redisCounters } from './redis-counters.js';

const CONNECT_TIMEOUT_MS = 2000;
const MAX_BACKOFF_MS = 1000;

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
  // Calls wait for the first connection attempt only: once it has failed, they fail at once
  // (no offline queue) instead of waiting through every reconnection.
  const firstAttempt = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', resolve);
  });
  client.connect().catch(() => {});
  const store = new KeyvRedis<unknown>(client, { namespace, throwOnErrors: true, throwOnConnectError: true });
  store.on('error', () => {});
  const keyv = new Keyv({ store, namespace, useKeyPrefix: false, throwOnErrors: true });
  keyv.on('error', () => {});

  const bus = redisBus(client as unknown as Parameters<typeof redisBus>[0], `${namespace}::bus:`);
  return {
    keyv,
    counters: redisCounters(client as unknown as Parameters<typeof redisCounters>[0], `${namespace}:counters::`),
    bus,
    ready: () => firstAttempt,
    async ping() {
      await client.ping();
    },
    async close() {
      bus.stopAll();
      await closeClient(client);
    },
  };
}
