import type { Keyv } from 'keyv';

/** What keyvCache needs from a storage choice: a Keyv for values plus the parts Keyv lacks. */
export interface Backend {
  keyv: Keyv;
  /** Resolves once the backend can take commands (the first connection, for Redis). */
  ready(): Promise<void>;
  /** Removes the value and any counter under `key`. */
  delete(key: string): Promise<void>;
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
