import type { CoreContext } from '../context.js';
import type { Repositories } from '../persistence.js';

/** The repositories the public store page reads. */
export type StorefrontReads = Pick<Repositories, 'stores' | 'categories' | 'products'>;

/**
 * A read replica of the primary database (PostgreSQL streaming replication), for the public
 * store page's cache refills only: see `objectionReadReplica` for the adapter.
 */
export interface ReadReplica {
  /**
   * Runs `work` on the replica, on a connection whose server has replayed every commit the
   * primary had made by `since` (a `Date.now()` time); resolves null without running it when that
   * cannot be shown (behind, not measured yet, not a standby, recently unreachable).
   */
  readSince<T>(since: number, work: (reads: StorefrontReads) => Promise<T>): Promise<{ value: T } | null>;
  /** Stops measuring and closes the replica's connections. */
  close(): Promise<void>;
}

/**
 * Runs a store page's read on the replica when the replica has every change of the store, on the
 * primary otherwise.
 *
 * A refill of the store cache is what calls this, and a refill right after a change is the
 * dangerous one: a replica that has not replayed the change yet would answer the old data, and
 * it would be cached under the new version until the next change or the TTL. So the choice is
 * not a time window after writes but a fact checked on the connection that reads: `changedAt`
 * (when the store's current versions were made, after the change's commit) must be covered by
 * what that replica has replayed. A lagging replica therefore costs primary reads, never stale
 * pages; a store nobody changed lately (the cold path of many small stores, TTL refills) reads
 * the replica.
 *
 * A failed replica read (down, or a query cancelled by recovery) is reported and retried on the
 * primary: the replica is an offload, never a dependency.
 */
export async function readStorefront<T>(
  context: Pick<CoreContext, 'persistence' | 'replica' | 'onError'>,
  changedAt: (() => Promise<number>) | undefined,
  read: (reads: StorefrontReads) => Promise<T>,
): Promise<T> {
  const { replica } = context;
  // Without a time to compare (a caller outside the store cache), only the primary is safe.
  if (!replica || !changedAt) return read(context.persistence);
  try {
    const result = await replica.readSince(await changedAt(), read);
    if (result) return result.value;
  } catch (error) {
    context.onError(error, 'read replica');
  }
  return read(context.persistence);
}
