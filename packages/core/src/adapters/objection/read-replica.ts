import type { Knex } from 'knex';
import type { ReadReplica } from '../../storefront/replica-reads.js';
import { objectionPersistence } from './objection-persistence.js';

export interface ReadReplicaOptions {
  /** How often the primary's WAL position is noted (one tiny query). Default 250 ms. */
  pollMs?: number;
  /**
   * Allowance for the wall clocks of app instances differing: a change is stamped with the clock
   * of the instance that made it and compared with this instance's notes. Default 500 ms.
   */
  clockSkewMs?: number;
  /**
   * How far back notes are kept. A store unchanged for longer is read from the replica only when
   * the replica is less than this far behind; so it also bounds how stale a replica may be and
   * still be used for anything. Default 30 s.
   */
  windowMs?: number;
  /** After a failed replica read, reads skip the replica for this long. Default 5 s. */
  coolDownMs?: number;
  /** Told when noting the primary's position fails (reported once per outage). */
  onError?: (error: unknown, operation: string) => void;
}

/**
 * A connection answers one statement at a time (pg deprecates queueing on a busy client): calls
 * made together, as the core's Promise.all does, take turns on the transaction's connection.
 */
function takingTurns<T extends object>(repository: T, turn: { last: Promise<unknown> }): T {
  return new Proxy(repository, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = turn.last.then(() => (value as (...a: unknown[]) => unknown).apply(target, args));
        turn.last = result.catch(() => undefined);
        return result;
      };
    },
  });
}

interface Note {
  at: number;
  lsn: string;
}

/**
 * A PostgreSQL streaming standby for the store page's reads (core: storefront/replica-reads.ts).
 * `replica` is a knex on the standby (or on a reader endpoint in front of several); no
 * migrations run there, they arrive by replication.
 *
 * What it tells the core is checked, not assumed. Every `pollMs` it notes the time and then the
 * primary's `pg_current_wal_lsn()`, which is past every commit acknowledged before that time. A
 * read for a store last changed at `since` takes the first note made after `since` (plus the
 * clock allowance) and runs, in one read-only transaction on the replica, only if that same
 * connection's server has replayed up to the noted position (`pg_last_wal_replay_lsn()`). So a
 * reader endpoint that balances connections over several standbys is checked per standby, a
 * server that is not a standby (a promoted one, or the primary's URL by mistake: the function
 * answers null there) is never used, and a change newer than the last note reads the primary.
 */
export function objectionReadReplica(primary: Knex, replica: Knex, options: ReadReplicaOptions = {}): ReadReplica {
  const pollMs = options.pollMs ?? 250;
  const clockSkewMs = options.clockSkewMs ?? 500;
  const windowMs = options.windowMs ?? 30_000;
  const coolDownMs = options.coolDownMs ?? 5000;
  const onError = options.onError ?? (() => {});
  const isPostgres = (knex: Knex) => (knex.client as { dialect?: unknown }).dialect === 'postgresql';
  if (!isPostgres(primary) || !isPostgres(replica)) {
    throw new TypeError('A read replica needs PostgreSQL for both the primary and the replica');
  }
  // Oldest first; only the last `windowMs` are kept.
  const notes: Note[] = [];
  let closed = false;
  let failing = false;
  let skipUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  async function note(): Promise<void> {
    const at = Date.now();
    const result = (await primary.raw('select pg_current_wal_lsn()::text as lsn')) as { rows: { lsn: string }[] };
    const lsn = result.rows[0]?.lsn;
    if (typeof lsn !== 'string' || !/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(lsn)) throw new Error('the primary did not report its WAL position');
    notes.push({ at, lsn });
    while (notes.length > 0 && (notes[0] as Note).at < at - windowMs) notes.shift();
    failing = false;
  }

  function noted(): Promise<void> {
    return note().catch((error: unknown) => {
      if (!failing && !closed) onError(error, 'read replica: noting the primary position');
      failing = true;
    });
  }

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => {
      inFlight = noted();
      void inFlight.then(schedule);
    }, pollMs);
    // Noting must not keep a process alive that has nothing else to do.
    timer.unref();
  }
  inFlight = noted();
  void inFlight.then(schedule);

  /** The primary's position at the first note after `since`: every commit before `since` is behind it. */
  function positionAfter(since: number): string | null {
    const after = since + clockSkewMs;
    // Notes are few (window / poll) and the recent end is the one usually asked for.
    let found: Note | null = null;
    for (let i = notes.length - 1; i >= 0 && (notes[i] as Note).at >= after; i -= 1) found = notes[i] as Note;
    return found?.lsn ?? null;
  }

  return {
    async readSince(since, work) {
      if (closed || Date.now() < skipUntil) return null;
      const lsn = positionAfter(since);
      if (lsn === null) return null;
      try {
        return await replica.transaction(async (trx) => {
          const check = (await trx.raw('select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false) as ok', [lsn])) as { rows: { ok: boolean }[] };
          if (check.rows[0]?.ok !== true) return null;
          // Later statements take later snapshots of a standby that only moves forward.
          const { stores, categories, products } = objectionPersistence(trx);
          const turn = { last: Promise.resolve() as Promise<unknown> };
          return { value: await work({ stores: takingTurns(stores, turn), categories: takingTurns(categories, turn), products: takingTurns(products, turn) }) };
        });
      } catch (error) {
        // Unreachable (or cancelled by recovery): the primary answers until the cool-down ends.
        skipUntil = Date.now() + coolDownMs;
        throw error;
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      // A note hung on an unreachable primary must not hold up shutdown.
      await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await replica.destroy();
    },
  };
}
