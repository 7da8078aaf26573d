import { Keyv } from 'keyv';
import type { Backend } from './backend.js';
import { memoryBus } from './memory-bus.js';
import { MemoryCounters } from './memory-counters.js';
import { boundedMemoryStore } from './memory-store.js';

/** A Keyv on a bounded in-process LRU, with in-process counters and bus. */
export function memoryBackend(namespace: string, maxBytes: number): Backend {
  const store = boundedMemoryStore({ maxBytes });
  const keyv = new Keyv({ store, namespace, throwOnErrors: true });
  const counters = new MemoryCounters();
  return {
    keyv,
    counters: {
      increment: async (key, windowMs) => counters.increment(key, windowMs),
      decrement: async (key) => counters.decrement(key),
    },
    bus: memoryBus(),
    ready: async () => {},
    ping: async () => {},
    async close() {
      store.clear();
      counters.clear();
    },
  };
}
