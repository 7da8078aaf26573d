import type { Knex } from 'knex';

/** knex's lock table (default migration table name). */
const lockTable = 'knex_migrations_lock';

/** The first key of the advisory lock: "dk" for dukaan-kit, so other users of pg locks never collide. */
const lockClass = 0x646b;

interface RawConnection {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

interface RawClient {
  acquireRawConnection(): Promise<RawConnection>;
  destroyRawConnection(connection: RawConnection): Promise<void>;
  searchPath?: string | string[];
}

/**
 * Leaves exactly one row in knex's lock table. Two processes starting at once on an empty
 * database can each insert the initial row (knex checks, then inserts); knex then refuses
 * every later run ("already locked": it locks with an UPDATE that must touch exactly one
 * row), so the app never starts again. Call it only while no one else migrates.
 */
export async function repairMigrationLockTable(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable(lockTable))) return;
  const rows = (await knex(lockTable).select('is_locked')) as unknown[];
  if (rows.length <= 1) return;
  await knex.transaction(async (trx) => {
    await trx(lockTable).delete();
    await trx(lockTable).insert({ is_locked: 0 });
  });
}

/**
 * Runs `work` holding a PostgreSQL advisory lock on the schema, so that processes starting at
 * once migrate one after the other instead of racing knex's own lock table. The lock is held
 * by a connection of its own, outside the pool (a pool of one connection would otherwise
 * deadlock), and is released when that connection closes, also if the process dies.
 * Waits at most `waitMs` for the lock (lock_timeout), then fails.
 */
export async function withAdvisoryMigrationLock<T>(knex: Knex, waitMs: number, work: () => Promise<T>): Promise<T> {
  const client = knex.client as unknown as RawClient;
  const connection = await client.acquireRawConnection();
  try {
    await connection.query(`SET lock_timeout = ${Math.max(1, Math.ceil(waitMs))}`);
    // current_schema() is null until the schema exists; the configured one names it then.
    const configured = [client.searchPath ?? []].flat()[0] ?? 'public';
    await connection.query('SELECT pg_advisory_lock($1, hashtext(coalesce(current_schema(), $2)))', [lockClass, configured]);
    await repairMigrationLockTable(knex);
    return await work();
  } finally {
    await client.destroyRawConnection(connection).catch(() => undefined);
  }
}
