import { Keyv } from 'keyv';
import type { Backend } from './backend.js';
import { memoryBus } from './memory-bus.js';
import { MemoryCounters } from './memory-counters.js';

/** A Keyv on its in-process Map, with in-process counters. */
export function memoryBackend(namespace: string): Backend {
  const keyv = new Keyv({ namespace, throwOnErrors: true });
  const counters = new MemoryCounters();
  return {
    keyv,
    bus: memoryBus(),
    ready: async () => {},
    async delete(key) {
      await keyv.delete(key);
      counters.delete(key);
    },
    increment: async (key, windowMs) => counters.increment(key, windowMs),
    ping: async () => {},
    async close() {
      await keyv.clear();
      counters.clear();
    },
  };
}
