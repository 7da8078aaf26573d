import type { RedisClientType } from '@keyv/redis';
import type { Counters } from '../../cache/ports.js';

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

// Gives one back without creating a counter or going below 0; DECR keeps the key's expiry.
const DECREMENT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** What the counters need of a node-redis client. */
type CommandClient = Pick<RedisClientType, 'sendCommand' | 'del'>;

/** Fixed-window counters as Redis integers under `{prefix}{key}`, a key space apart from Keyv's values. */
export function redisCounters(client: CommandClient, prefix: string): Counters {
  return {
    async increment(key, windowMs) {
      const reply = await client.sendCommand(['EVAL', INCREMENT_SCRIPT, '1', `${prefix}${key}`, String(windowMs)]);
      const [count, resetInMs] = reply as unknown as [number, number];
      return { count, resetInMs };
    },
    async decrement(key) {
      await client.sendCommand(['EVAL', DECREMENT_SCRIPT, '1', `${prefix}${key}`]);
    },
  };
}
