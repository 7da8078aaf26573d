// The reference app in process (buildApp, no listening socket: tests use inject) on a fresh
// database, with its media and mail outbox in a temporary folder, stopped and removed after the
// test; and a log capture for checking what the request log holds. The database is a SQLite
// file in that folder, or, for the PostgreSQL variant, a database of its own on the test server
// (dropped after the test), so an app-level flow runs on both, as the issue asks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Test } from 'tap';
import { testServices } from '@dukaan-kit/core/testing';
import { buildApp, type App } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createTestDatabase } from './test-database.js';

export interface TempApp extends App {
  /** The temporary folder: app.db (SQLite), media/, outbox/. */
  dir: string;
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL when the test services have it (the root runner probes it; CI requires it). */
export function databaseKinds(): DatabaseKind[] {
  return testServices().postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function appOnTempDatabase(
  t: Test,
  env: Record<string, string> = {},
  options: Parameters<typeof buildApp>[1] = {},
  database: DatabaseKind = 'sqlite',
): Promise<TempApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-app-'));
  const postgresUrl = testServices().postgresUrl;
  if (database === 'postgres' && !postgresUrl) throw new Error('PostgreSQL is off (DUKAAN_TEST_POSTGRES_URL)');
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  try {
    if (database === 'postgres') db = await createTestDatabase(postgresUrl!);
    const config = readConfig({
      DATABASE_URL: db ? db.url : `sqlite:${join(dir, 'app.db')}`,
      MEDIA_DIR: join(dir, 'media'),
      MAIL_OUTBOX_DIR: join(dir, 'outbox'),
      LOG_LEVEL: 'silent',
      ...env,
    });
    const app = await buildApp(config, options);
    t.teardown(async () => {
      await app.stop();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    return { ...app, dir };
  } catch (error) {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A stream for buildApp's `logStream` that keeps every line written to it. */
export function logCapture(): { stream: NodeJS.WriteStream; lines: string[]; text(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, lines, text: () => lines.join('') };
}
