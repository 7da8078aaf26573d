// The production topology on loopback: a fresh PostgreSQL database, a private
// redis-server, instances of the reference app (examples/server/dist/main.js)
// and nginx with the repo's config (nginx/render-config.mjs). Each piece starts
// with a bounded wait and stops with a bounded one. Loopback only: every
// listener binds 127.0.0.1, and the machine's shared Redis (6379) is never used.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from './http.js';
import { canConnect, findBinary, freePort, GiveUp, spawnManaged, stopProcess, waitUntil, type Managed } from './processes.js';
import { renderNginxConfig } from '../../../../nginx/render-config.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const appMain = join(repoRoot, 'examples', 'server', 'dist', 'main.js');
export const storefrontAssets = join(repoRoot, 'packages', 'storefront-ui', 'dist', 'assets');


// ---- PostgreSQL: one fresh database per test file (support/test-database.ts) ----

export { createTestDatabase, type TestDatabase } from './test-database.js';

// ---- Redis: a private server on its own loopback port ----------------------

export interface PrivateRedis {
  port: number;
  url: string;
  /** Starts it (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL) and waits until the port refuses connections. */
  stop(): Promise<void>;
  running(): boolean;
  /** Freezes it (SIGSTOP): connections stay open but nothing answers, like a latency spike. */
  pause(): void;
  /** Undoes pause() (SIGCONT). */
  resume(): void;
  /** Runs a redis-cli command against it; null when redis-cli is missing or fails. */
  cli(...args: string[]): string | null;
}

export function privateRedis(binary: string, port: number): PrivateRedis {
  let process_: Managed | undefined;
  const redisCli = findBinary('redis-cli');
  const cli = (...args: string[]) => {
    if (!redisCli) return null;
    const r = spawnSync(redisCli, ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8', timeout: 5000 });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (process_?.running()) return;
      const started = spawnManaged('redis', binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
        parentDeathSignal: 'SIGTERM',
      });
      process_ = started;
      await waitUntil(`redis-server on ${port}`, async () => {
        if (!started.running()) throw new GiveUp(`redis-server exited: ${started.output()}`);
        return (await canConnect(port)) && (redisCli ? cli('ping') === 'PONG' : true);
      }, { timeoutMs: 10_000, intervalMs: 50 });
    },
    async stop() {
      if (process_?.running()) process_.child.kill('SIGCONT'); // a paused server would not see SIGTERM
      await stopProcess(process_, 'SIGTERM', 5000);
      await waitUntil(`redis port ${port} to close`, async () => !(await canConnect(port)), { timeoutMs: 5000, intervalMs: 50 });
    },
    running: () => process_?.running() ?? false,
    pause: () => {
      if (process_?.running()) process_.child.kill('SIGSTOP');
    },
    resume: () => {
      if (process_?.running()) process_.child.kill('SIGCONT');
    },
    cli,
  };
}

// ---- App instances ---------------------------------------------------------

export interface AppInstanceOptions {
  name: string;
  port: number;
  env: Record<string, string>;
}

export interface AppInstance {
  name: string;
  port: number;
  url: string;
  process: Managed;
  /** The JSON lines the app logged (the first ~200). */
  logs: string[];
  /** The URL from the "listening on" log line, '' when the log level hides it. */
  listeningOn(): string;
}

/**
 * Spawns `node examples/server/dist/main.js`; resolves once /healthz answers 200. (The
 * "listening on" line is logged at info, so it is not seen at LOG_LEVEL=warn; it is recorded
 * in `listeningOn` when it is.)
 */
export async function startApp(options: AppInstanceOptions, timeoutMs = 30_000): Promise<AppInstance> {
  const logs: string[] = [];
  let listening = '';
  const managed = spawnManaged(`app ${options.name}`, process.execPath, [appMain], {
    cwd: join(repoRoot, 'examples', 'server'),
    parentDeathSignal: 'SIGTERM',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    onLine: (line) => {
      if (logs.length < 200) logs.push(line);
      const m = /listening on (\S+?)"/.exec(line);
      if (m?.[1]) listening = m[1];
    },
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(`app ${options.name} to listen and answer /healthz`, async () => {
      if (!managed.running()) throw new GiveUp(`it exited (code ${managed.child.exitCode})`);
      return (await request(url, '/healthz', { timeoutMs: 1000 })).status === 200;
    }, { timeoutMs, intervalMs: 100 });
  } catch (error) {
    await stopProcess(managed, 'SIGKILL');
    throw new Error(`${(error as Error).message}\n${managed.output().slice(-2000)}`);
  }
  return { name: options.name, port: options.port, url, process: managed, logs, listeningOn: () => listening };
}

// ---- nginx -------------------------------------------------------------------

export interface Nginx {
  port: number;
  url: string;
  prefixDir: string;
  process: Managed;
  /** The access log, one parsed JSON object per line. */
  accessLog(): Array<Record<string, unknown>>;
  errorLog(): string;
  stop(): Promise<void>;
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

/** Makes a tree readable (and its folders enterable) by every user: nginx's worker is not the test's user. */
function openTree(path: string): void {
  const directory = statSync(path).isDirectory();
  chmodSync(path, directory ? 0o755 : 0o644);
  if (directory) for (const entry of readdirSync(path)) openTree(join(path, entry));
}

/**
 * Renders the repo's nginx.conf for loopback into `workDir` and runs it in the foreground.
 * As root, the master runs as nobody (as in ops-tests/nginx-config.test.ts): the prefix
 * directory is given to nobody and the media directory made readable. The static files are
 * served from a world-readable copy in `workDir`, never from the checkout: a clone under a
 * private folder (mktemp -d is 0700) is closed to nobody, which answered 403 for /static.
 */
export async function startNginx(binary: string, options: { workDir: string; upstreams: string[]; staticDir: string; mediaDir: string; port?: number }): Promise<Nginx> {
  // A caller may pick the port first: the apps behind nginx need it in PUBLIC_URL before nginx starts.
  const port = options.port ?? (await freePort());
  const prefixDir = join(options.workDir, 'nginx');
  mkdirSync(prefixDir, { recursive: true });
  const staticDir = join(options.workDir, 'static');
  cpSync(options.staticDir, staticDir, { recursive: true });
  openTree(staticDir);
  const confPath = join(prefixDir, 'nginx.conf');
  writeFileSync(confPath, renderNginxConfig({ listenPort: port, upstreams: options.upstreams, staticDir, mediaDir: options.mediaDir, prefixDir }));
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: 65534, gid: 65534 } : {};
  if (asRoot) {
    chownTree(prefixDir, 65534, 65534);
    chmodSync(options.workDir, 0o755);
    chmodSync(options.mediaDir, 0o755);
  }
  const test = spawnSync(binary, ['-t', '-c', confPath, '-p', `${prefixDir}/`], { encoding: 'utf8', timeout: 10_000, ...ids });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const managed = spawnManaged('nginx', binary, ['-c', confPath, '-p', `${prefixDir}/`, '-g', 'daemon off;'], { ...ids, parentDeathSignal: 'SIGQUIT' });
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => {
    const file = join(prefixDir, 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  try {
    await waitUntil('nginx to proxy /healthz', async () => {
      if (!managed.running()) throw new GiveUp(`nginx exited: ${managed.output()}`);
      return (await canConnect(port)) && (await request(url, '/healthz', { timeoutMs: 2000 })).status === 200;
    }, { timeoutMs: 10_000, intervalMs: 50 });
  } catch (error) {
    await stopProcess(managed, 'SIGKILL');
    throw new Error(`${(error as Error).message}\n${errorLog().slice(-3000)}`);
  }
  return {
    port,
    url,
    prefixDir,
    process: managed,
    accessLog() {
      const file = join(prefixDir, 'access.log');
      if (!existsSync(file)) return [];
      return readFileSync(file, 'utf8').split('\n').filter(Boolean).flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
    },
    errorLog,
    // SIGQUIT: nginx's graceful stop; SIGKILL after the bound.
    stop: () => stopProcess(managed, 'SIGQUIT', 5000),
  };
}
