// `npm start` and `npm run demo` must stop the server when npm itself gets SIGTERM (a
// process manager, a newcomer's terminal closing). npm forwards SIGTERM only to its direct
// child, the shell running the script, and dash does not exec a script's last command, so
// every layer must `exec` (root script -> workspace npm -> node). This starts the real npm
// commands (the root script minus its `npm run build`, which the test run has done already)
// on a throwaway SQLite database and a free port, signals the outer npm, and waits for the
// node server's pid to disappear.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { freePort, sleep, waitUntil } from './support/processes.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const rootScripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const buildFirst = 'npm run build && ';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

for (const script of ['start', 'demo']) {
  t.test(`npm ${script}: SIGTERM to npm stops the node server`, async (t) => {
    const command = rootScripts[script] ?? '';
    t.ok(command.startsWith(buildFirst), `the root "${script}" builds first: ${command}`);
    const handOver = command.slice(buildFirst.length);
    t.match(handOver, /^exec /, 'then execs, so npm signals what runs next');

    const dir = mkdtempSync(join(tmpdir(), 'dukaan-signals-'));
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'app.db')}`, MEDIA_DIR: join(dir, 'media'), PORT: String(await freePort()), LOG_LEVEL: 'info' };
    // `npm exec -c` runs the command through npm's script runner, as `npm run` does.
    const npm = spawn('npm', ['exec', '--no', '-c', handOver], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    let serverPid = 0;
    t.teardown(async () => {
      // Whatever survived a failed assertion is ended by its own pid.
      for (const pid of [serverPid, npm.pid ?? 0]) if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
      await sleep(100);
      rmSync(dir, { recursive: true, force: true });
    });

    // pino puts the process id on every line; the "listening on" one says the server is up.
    serverPid = await waitUntil(`npm ${script} to start the server`, async () => {
      const line = output.split('\n').find((l) => l.includes('dukaan-kit listening on'));
      return line ? (JSON.parse(line) as { pid: number }).pid : null;
    }, { timeoutMs: 60_000, intervalMs: 100 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-2000)}`);
    });
    t.not(serverPid, npm.pid, 'the server is a process of its own under npm');

    npm.kill('SIGTERM');
    const stopped = await waitUntil('the server to exit', async () => !alive(serverPid), { timeoutMs: 15_000, intervalMs: 50 }).catch(() => false);
    t.ok(stopped, `server pid ${serverPid} is gone within 15 s of SIGTERM to npm`);
    t.match(output, /SIGTERM: finishing in-flight requests/, 'the server shut down cleanly (it heard the signal)');
    const npmDone = await Promise.race([npmExited.then(() => true), sleep(10_000).then(() => false)]);
    t.ok(npmDone, 'npm exits too');
  });
}
