// What the separate bench modes (BENCH_SCALE, BENCH_INSTANCES, BENCH_SOAK) share: the throwaway
// database and Redis, the app's environment, an API token, CPU time from /proc, and writing a
// mode's results to bench/results/<name>.json and .md. The default run (run.mjs) does not use it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createBenchDatabase, startRedis } from './services.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const resultsDir = join(here, 'results');

export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}=${raw} is not a number`);
  return value;
}

export function logger(name) {
  const t0 = Date.now();
  return (message) => console.log(`[bench ${name} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}

export function machine() {
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemMb: Math.round(os.totalmem() / 1048576),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/**
 * The database (and, with `redis`, a private Redis) of one mode run, and a temporary work
 * directory. `close()` drops the database unless BENCH_KEEP_DB=1 and stops Redis.
 */
export async function openServices({ redis: withRedis = false, log }) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const work = mkdtempSync(join(os.tmpdir(), 'dk-bench-mode-'));
  const db = await createBenchDatabase(adminUrl);
  log(`database ${db.name}`);
  let redis = null;
  try {
    if (withRedis) {
      redis = await startRedis();
      log(`private redis-server on ${redis.url}`);
    }
  } catch (error) {
    await db.drop().catch(() => {});
    throw error;
  }
  return {
    db,
    redis,
    work,
    async close() {
      await redis?.stop().catch((error) => console.error('redis stop:', error));
      if (process.env.BENCH_KEEP_DB === '1') log(`kept database ${db.url} (BENCH_KEEP_DB=1): drop it yourself`);
      else await db.drop().catch((error) => console.error('database drop:', error));
    },
  };
}

/** The app's environment as run.mjs sets it (production, rate limits off, mail to a file outbox). */
export function appEnv({ db, redis, work }, extra = {}) {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    RATE_LIMIT_LOGIN: '0',
    RATE_LIMIT_CHECKOUT: '0',
    MEDIA_DIR: join(work, 'media'),
    PUBLIC_URL: 'http://127.0.0.1',
    MAIL_OUTBOX_DIR: join(work, 'outbox'),
    ...(redis ? { REDIS_URL: redis.url } : {}),
    ...extra,
  };
}

/** A session by logging in (POST /api/v1/session), then an API token with it (POST /api/v1/tokens). */
export async function apiToken(url, email, password) {
  const login = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  await login.arrayBuffer();
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const created = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'bench' }) });
  if (created.status !== 201) throw new Error(`POST /api/v1/tokens answered ${created.status}: ${await created.text()}`);
  return (await created.json()).token;
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const analyze = (url) => withClient(url, (c) => c.query('ANALYZE'));

const clockTicks = 100; // USER_HZ: 100 on every Linux architecture node runs on

/** User + system CPU seconds a process has used so far (null when it is gone). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** Direct children of a process (from /proc/<pid>/task/<pid>/children). */
export function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Latency percentiles (ms) of a list of durations. */
export function percentiles(values) {
  if (values.length === 0) return { n: 0, p50: null, p90: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)], 1);
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted.at(-1), 1) };
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return value ?? null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Answered requests of a runLoad result: the sum of its status codes (this autocannon has no totalCompletedRequests). */
export function answered(measured) {
  return measured.completed ?? Object.values(measured.statusCodes ?? {}).reduce((a, b) => a + b, 0);
}

export const fmt = (n) => (n === null || n === undefined ? '—' : typeof n === 'number' ? n.toLocaleString('en') : String(n));

/** A markdown table from a header row and rows of cells. */
export function mdTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`)].join('\n');
}

/** Writes bench/results/<name>.json and <name>.md (and any extra files, e.g. SVG charts). */
export function writeModeResults(name, results, markdownText, files = {}) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${name}.md`), `${markdownText}\n`);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(resultsDir, file), text);
}
