import type { Keyv } from 'keyv';
import type { CacheBus } from '../../cache/cache.js';

/** What keyvCache needs from a storage choice: a Keyv for values plus the parts Keyv lacks. */
export interface Backend {
  keyv: Keyv;
  /** Broadcast to every process sharing this storage. */
  bus: CacheBus;
  /** Resolves once the backend can take commands (the first connection, for Redis). */
  ready(): Promise<void>;
  /** Removes the value and any counter under `key`. */
  delete(key: string): Promise<void>;
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
