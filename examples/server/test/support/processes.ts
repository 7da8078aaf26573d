// Child processes for the loopback topology tests: free ports, bounded waits,
// spawning with an output tail for diagnostics, and a stop that always ends
// (signal, then SIGKILL after a bound). Only processes started here are ever
// signalled, always by their own pid.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts TCP connections on 127.0.0.1:port (1 s at most). */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Thrown by a waitUntil check to stop waiting at once (e.g. the process being waited for exited). */
export class GiveUp extends Error {}

/**
 * Polls `check` every `intervalMs` until it returns a truthy value or `timeoutMs` passes;
 * resolves that value, or throws naming `what` (with the last error, if any). A check that
 * throws GiveUp ends the wait at once; any other error counts as "not yet".
 */
export async function waitUntil<T>(what: string, check: () => Promise<T | null | undefined | false>, options: { timeoutMs: number; intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw new Error(`gave up waiting for ${what}: ${error.message}`);
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}

/** The first executable called `name` in the usual system places or on PATH, or null. */
export function findBinary(name: string, extraDirs: string[] = ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin']): string | null {
  const dirs = extraDirs.concat((process.env.PATH ?? '').split(':').filter(Boolean));
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** A spawned child plus the last few KB of what it printed. */
export interface Managed {
  name: string;
  child: ChildProcess;
  /** The tail of stdout+stderr (for failure messages). */
  output(): string;
  /** Resolves when the child has exited (immediately if it already has). */
  exited(): Promise<void>;
  running(): boolean;
}

const live = new Set<ChildProcess>();
// Last resort when the test process ends without its teardown (a crash, a timeout):
// kill what we started, by pid, synchronously.
process.once('exit', () => {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

const setpriv = process.platform === 'linux' ? findBinary('setpriv') : null;

export interface SpawnManagedOptions extends SpawnOptions {
  /** Called with every line the child prints (stdout and stderr). */
  onLine?: (line: string) => void;
  /**
   * Linux: the signal the child gets when the test process dies without its teardown
   * (tap's timeout ends it with SIGALRM/SIGKILL, where no 'exit' handler runs). Set with
   * `setpriv --pdeathsig`, which execs the command in place, so the pid stays the child's.
   */
  parentDeathSignal?: NodeJS.Signals;
}

export function spawnManaged(name: string, command: string, args: string[], options: SpawnManagedOptions = {}): Managed {
  const { onLine, parentDeathSignal, ...spawnOptions } = options;
  const [file, argv] = parentDeathSignal && setpriv ? [setpriv, ['--pdeathsig', parentDeathSignal, '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  live.add(child);
  let tail = '';
  let pending = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-6000);
    if (onLine) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      tail += `\n[spawn error] ${error.message}`;
      live.delete(child);
      resolve();
    });
  });
  return {
    name,
    child,
    output: () => tail,
    exited: () => exit,
    running: () => child.exitCode === null && child.signalCode === null && live.has(child),
  };
}

/** Sends `signal`, waits up to `graceMs` for the exit, then SIGKILLs and waits (bounded) again. */
export async function stopProcess(managed: Managed | undefined, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  if (!managed || !managed.running()) return;
  managed.child.kill(signal);
  const inTime = await Promise.race([managed.exited().then(() => true), sleep(graceMs).then(() => false)]);
  if (inTime) return;
  managed.child.kill('SIGKILL');
  await Promise.race([managed.exited(), sleep(5000)]);
}
