import { EventEmitter } from 'node:events';
import type { Bus } from '../../cache/ports.js';

/** The bus of an in-process cache: every subscriber lives in this process, so delivery is always live. */
export function memoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    subscribe(channel, onMessage, onLive) {
      emitter.on(channel, onMessage);
      onLive(true);
      return () => {
        emitter.off(channel, onMessage);
      };
    },
  };
}
