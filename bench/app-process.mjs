// Child processes under test: the reference app (one per configuration) and the bare ceiling
// server; each one's resident memory is sampled from /proc while it runs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, sleep } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const profileDir = join(root, 'bench', 'profiles');
const appMain = join(root, 'examples', 'server', 'dist', 'main.js');
const ceilingMain = join(root, 'bench', 'ceiling-server.mjs');

/** `NAME=value` pairs separated by spaces, as an environment; `where` names their source in an error. */
function envPairs(text, where) {
  return Object.fromEntries(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`${where}: "${pair}" is not NAME=value`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
}

/** The environment before `exec` and the flags between `node` and `dist/main.js` in the app's start script. */
function shippedStart() {
  const start = JSON.parse(readFileSync(join(root, 'examples/server/package.json'), 'utf8')).scripts.start;
  const match = /^((?:[A-Z_]+=\S+ )*)exec node ((?:--\S+ )*)dist\/main\.js$/.exec(start);
  if (!match) throw new Error(`examples/server's start script is not "[NAME=value ...] exec node [flags] dist/main.js": ${start}`);
  return { env: envPairs(match[1], "examples/server's start script"), flags: match[2].split(' ').filter(Boolean) };
}

/**
 * Starts `node examples/server/dist/main.js` with `env` on a free loopback port and waits for
 * /healthz. With `profileName`, node writes a CPU profile to bench/profiles/<name>.cpuprofile
 * when the app exits (stop() sends SIGTERM, which the app answers with a clean exit).
 * The app runs with the node flags and environment `npm start` ships (examples/server/package.json),
 * so the bench measures what operators run; BENCH_NODE_ARGS adds flags after them (e.g. `--trace-gc`,
 * or `--max-semi-space-size=16` to compare with node's default), and BENCH_APP_ENV adds environment
 * (`NAME=value` pairs, e.g. `MALLOC_ARENA_MAX=2`).
 */
export async function startApp({ env, logFile, profileName = null }) {
  const port = await freePort();
  const shipped = shippedStart();
  const extra = [...shipped.flags, ...(process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
  const profile = profileName ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}.cpuprofile`] : [];
  const args = [...extra, ...profile, appMain];
  return startChild({ args, env: { ...shipped.env, ...envPairs(process.env.BENCH_APP_ENV ?? '', 'BENCH_APP_ENV'), ...env, PORT: String(port), HOST: '127.0.0.1' }, port, logFile, readyPath: '/healthz' });
}

/** Starts bench/ceiling-server.mjs answering every request with the response captured in `responseFile`. */
export async function startCeiling({ responseFile, logFile }) {
  const port = await freePort();
  return startChild({ args: [ceilingMain, responseFile], env: { PORT: String(port) }, port, logFile, readyPath: '/' });
}

async function startChild({ args, env, port, logFile, readyPath }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.at(-1)} exited with ${child.exitCode} before answering; see ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}${readyPath}`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.at(-1)} did not become healthy in 30 s; see ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(100);
  }
  return {
    url,
    pid: child.pid,
    rssMb: () => rssMb(child.pid),
    /** SIGTERM, then the exit (a CPU profile is written on the way out); SIGKILL after 20 s. */
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** VmRSS of a process in MB (null when it is gone). */
export function rssMb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stop(), which returns the peak in MB. */
export function sampleRss(pid, everyMs = 100) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now !== null && now > peak) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = rssMb(pid);
      if (now !== null && now > peak) peak = now;
      return peak;
    },
  };
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
