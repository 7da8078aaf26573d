import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import knex from 'knex';
import type { Knex } from 'knex';

/** Options of createKnex. */
export interface CreateKnexOptions {
  /** PostgreSQL only: the schema to work in (created when missing); default: the server's search_path. */
  schema?: string | undefined;
  /** PostgreSQL only: the most connections to hold; default 10. SQLite always uses one. */
  poolMax?: number | undefined;
}

type PoolDone = (error: Error | null, connection: unknown) => void;

interface PgConnection {
  query(sql: string, callback: (error: (Error & { code?: string }) | null) => void): void;
}

interface SqliteConnection {
  pragma(source: string): unknown;
}

/**
 * A knex instance for `postgres://…`/`postgresql://…` (pg), or for `sqlite:path`, `file:path`
 * or `:memory:` (better-sqlite3, one connection so that transactions serialise in-process).
 */
export function createKnex(databaseUrl: string, options: CreateKnexOptions = {}): Knex {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return postgresKnex(databaseUrl, options);
  const filename = sqliteFilename(databaseUrl);
  // The URL is not echoed: it may carry a password.
  if (filename === null) throw new TypeError('Unsupported database URL: expected postgres://, sqlite:, file: or :memory:');
  return sqliteKnex(filename);
}

/** The file a SQLite URL names (':memory:' for an in-memory database), or null for another scheme. */
export function sqliteFilename(databaseUrl: string): string | null {
  if (databaseUrl === ':memory:') return ':memory:';
  const match = /^(?:sqlite|file):(.*)$/i.exec(databaseUrl);
  if (!match) return null;
  let path = match[1] ?? '';
  if (path.startsWith('//')) path = path.slice(2);
  return path === '' || path === ':memory:' ? ':memory:' : path;
}

function postgresKnex(connection: string, options: CreateKnexOptions): Knex {
  const { schema } = options;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError('Invalid schema name: letters, digits and underscores only');
  }
  return knex({
    client: 'pg',
    connection,
    ...(schema === undefined ? {} : { searchPath: [schema] }),
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      afterCreate(conn: PgConnection, done: PoolDone) {
        if (schema === undefined) return done(null, conn);
        conn.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`, (error) => {
          // Two connections may race to create it; losing that race is fine.
          const raced = error && (error.code === '23505' || error.code === '42P06');
          done(error && !raced ? error : null, conn);
        });
      },
    },
  });
}

function sqliteKnex(filename: string): Knex {
  const inMemory = filename === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(filename)), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      // One connection: SQLite has one writer, and a single connection queues transactions
      // in-process instead of failing them with SQLITE_BUSY.
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: PoolDone) {
        try {
          conn.pragma('foreign_keys = ON');
          if (!inMemory) conn.pragma('journal_mode = WAL');
          conn.pragma('busy_timeout = 5000');
          conn.pragma('synchronous = NORMAL');
          done(null, conn);
        } catch (error) {
          done(error as Error, conn);
        }
      },
    },
  });
}
