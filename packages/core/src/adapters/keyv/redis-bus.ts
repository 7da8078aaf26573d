import type { RedisClientType } from '@keyv/redis';
import type { Bus } from '../../cache/ports.js';
import { closeClient } from './close-client.js';

/**
 * Redis pub/sub. Each subscription gets its own connection (a subscribed connection can run no
 * other command); node-redis resubscribes after a reconnect, and 'ready'/'end' tell when
 * delivery is live.
 */
export function redisBus(client: RedisClientType, prefix: string): Bus & { stopAll(): void } {
  const stops = new Set<() => void>();
  return {
    stopAll() {
      for (const stop of [...stops]) stop();
    },
    async publish(channel, message) {
      await client.publish(`${prefix}${channel}`, message);
    },
    subscribe(channel, onMessage, onLive) {
      const subscriber = client.duplicate();
      let stopped = false;
      subscriber.on('error', () => onLive(false));
      subscriber.on('end', () => onLive(false));
      subscriber.on('reconnecting', () => onLive(false));
      subscriber.on('ready', () => {
        // 'ready' comes before node-redis has resubscribed; a tick later the SUBSCRIBE is on the wire first.
        setImmediate(() => !stopped && onLive(true));
      });
      subscriber
        .connect()
        .then(async () => {
          if (stopped) return;
          await subscriber.subscribe(`${prefix}${channel}`, (message: string) => onMessage(message));
          if (!stopped) onLive(true);
        })
        .catch(() => {
          if (!stopped) onLive(false);
        });
      const stop = () => {
        if (stopped) return;
        stopped = true;
        stops.delete(stop);
        onLive(false);
        void closeClient(subscriber);
      };
      stops.add(stop);
      return stop;
    },
  };
}
