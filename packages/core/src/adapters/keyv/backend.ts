import type { Keyv } from 'keyv';
import type { Bus, Counters } from '../../cache/ports.js';

/** What keyvCache needs from a storage choice: a Keyv for values plus the parts Keyv lacks. */
export interface Backend {
  keyv: Keyv;
  /** In a key space of their own, apart from the values'. */
  counters: Counters;
  /** Broadcast to every process sharing this storage. */
  bus: Bus;
  /** Resolves once the backend can take commands, or the first attempt to get there failed. */
  ready(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
