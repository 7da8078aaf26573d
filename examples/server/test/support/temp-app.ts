// The reference app in process (buildApp, no listening socket: tests use inject) on a fresh
// SQLite file in a temporary folder, with its media and mail outbox there too, stopped and
// removed after the test; and a log capture for checking what the request log holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Test } from 'tap';
import { buildApp, type App } from '../../src/app.js';
import { readConfig } from '../../src/config.js';

export interface TempApp extends App {
  /** The temporary folder: app.db, media/, outbox/. */
  dir: string;
}

export async function appOnTempDatabase(t: Test, env: Record<string, string> = {}, options: Parameters<typeof buildApp>[1] = {}): Promise<TempApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-app-'));
  const config = readConfig({
    DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await buildApp(config, options);
  t.teardown(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...app, dir };
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
