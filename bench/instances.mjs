// BENCH_INSTANCES=1 node bench/run.mjs: 1, 2 and 4 app instances behind the repository's nginx
// config on loopback (issue 15, goal 6), the store page and checkout, reported as requests per
// CPU-second of the app processes (utime + stime from /proc/<pid>/stat over the measured window).
// On a 2-core machine more instances cannot be faster; the number shows what scaling out costs
// per request (more processes, more connections to PostgreSQL and Redis, nginx in the path).
// Environment (all optional):
//   BENCH_INSTANCES_COUNTS   comma-separated instance counts (1,2,4)
//   BENCH_DURATION / BENCH_WARMUP / BENCH_CONNECTIONS   per scenario (10 / 2 / 32)
//   BENCH_PHOTOS=0           the bench store without photos (faster seeding, a smaller page)
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGINX_CONF_PATH, renderNginxConfig } from '../nginx/render-config.mjs';
import { sampleRss, startApp } from './app-process.mjs';
import { auditOrders, checkoutTracker } from './checkout.mjs';
import { runLoad } from './load.mjs';
import { analyze, answered, appEnv, childPids, cpuSeconds, envNumber, logger, machine, mdTable, openServices, round, writeModeResults } from './mode-kit.mjs';
import { openCore, seedShop, shop } from './seed.mjs';
import { freePort, sleep } from './services.mjs';
import { lineChart } from './svg-chart.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].concat((process.env.PATH ?? '').split(':').map((d) => join(d, 'nginx'))).find((p) => existsSync(p));

export async function run() {
  const log = logger('instances');
  if (!nginxBin) throw new Error('BENCH_INSTANCES needs nginx (apt-get install nginx)');
  const counts = (process.env.BENCH_INSTANCES_COUNTS ?? '1,2,4').split(',').map(Number).filter((n) => n > 0);
  const load = { connections: envNumber('BENCH_CONNECTIONS', 32), warmupSeconds: envNumber('BENCH_WARMUP', 2), durationSeconds: envNumber('BENCH_DURATION', 10) };
  const results = { mode: 'instances', machine: machine(), settings: { counts, ...load, photos: process.env.BENCH_PHOTOS !== '0', nginx: nginxVersion() }, runs: [], audit: null, checks: [], pass: false };
  const t0 = Date.now();
  const services = await openServices({ redis: true, log });
  const apps = new Set();
  let proxy = null;
  let failure = null;
  try {
    const core = await openCore(services.db.url, join(services.work, 'media'));
    let seeded;
    try {
      seeded = await seedShop(core, { withPhotos: process.env.BENCH_PHOTOS !== '0' });
    } finally {
      await core.close();
    }
    await analyze(services.db.url);
    log(`seeded /${shop.slug}: ${seeded.products.length} products`);
    // One tracker for every run: the audit at the end checks all the store's orders against all the keys sent.
    const tracker = checkoutTracker(seeded.products, `i${Date.now().toString(36)}`);
    for (const count of counts) {
      const started = [];
      // One environment for all: instances behind one balancer share the session secret.
      const env = appEnv(services);
      for (let k = 0; k < count; k++) {
        const app = await startApp({ env, logFile: join(services.work, `app-${count}-${k}.log`) });
        apps.add(app);
        started.push(app);
      }
      proxy = await startNginx(started.map((a) => new URL(a.url).host), log);
      log(`${count} instance(s) (pids ${started.map((a) => a.pid).join(', ')}) behind nginx on ${proxy.url} (pid ${proxy.pid})`);
      try {
        const page = await measure({ proxy, apps: started, request: { path: `/${shop.slug}` }, load });
        const checkout = await measure({ proxy, apps: started, request: { requests: tracker.requests }, load });
        const retry = await tracker.retryUnanswered(proxy.url);
        results.runs.push({ instances: count, page, checkout: { ...checkout, retry } });
        for (const [name, m] of [['page', page], ['checkout', checkout]]) {
          log(`${count} instance(s) ${name}: ${m.requestsPerSecond} req/s, p99 ${m.latencyMs.p99} ms, ${m.errors} errors; app CPU ${m.cpu.appSeconds} s → ${m.perAppCpuSecond} req per app CPU-second (nginx ${m.cpu.nginxSeconds} s, load generator ${m.cpu.loadSeconds} s)`);
        }
      } finally {
        await proxy.stop();
        proxy = null;
        for (const app of started) {
          apps.delete(app);
          await app.stop();
        }
      }
    }
    results.audit = await auditOrders(services.db.url, seeded, tracker);
    log(`audit ${results.audit.ok ? 'ok' : 'FAILED'}: ${results.audit.orders} orders, ${results.audit.problems.length} problems, ${results.audit.oversold} oversold`);
  } catch (error) {
    failure = error;
    console.error(error);
  } finally {
    await proxy?.stop().catch(() => {});
    for (const app of apps) await app.stop().catch(() => {});
    await services.close();
  }
  results.wallSeconds = Math.round((Date.now() - t0) / 1000);
  results.checks = judge(results);
  if (failure) results.error = String(failure?.stack ?? failure);
  results.pass = !failure && results.checks.every((c) => c.pass);
  const { text, charts } = report(results);
  writeModeResults('instances', results, text, charts);
  console.log(`\n${text}`);
  log(`results in bench/results/instances.{json,md}; app logs in ${services.work}`);
  return results.pass ? 0 : 1;
}

/**
 * A warm-up, then the measured run with every process's CPU time read before and after: the
 * apps, nginx (master and workers) and this process (autocannon).
 */
async function measure({ proxy, apps, request, load }) {
  if (load.warmupSeconds > 0) await runLoad({ url: proxy.url, pid: apps[0].pid, request, connections: load.connections, warmupSeconds: 0, durationSeconds: load.warmupSeconds });
  const nginxPids = () => [proxy.pid, ...childPids(proxy.pid)];
  const before = { apps: apps.map((a) => cpuSeconds(a.pid)), nginx: sum(nginxPids().map(cpuSeconds)), self: process.cpuUsage() };
  const rss = apps.map((a) => sampleRss(a.pid));
  const started = performance.now();
  const measured = await runLoad({ url: proxy.url, pid: apps[0].pid, request, connections: load.connections, warmupSeconds: 0, durationSeconds: load.durationSeconds });
  const wall = (performance.now() - started) / 1000;
  const peaks = rss.map((r) => r.stop());
  const appSeconds = sum(apps.map((a, k) => cpuSeconds(a.pid) - before.apps[k]));
  const nginxSeconds = sum(nginxPids().map(cpuSeconds)) - before.nginx;
  const self = process.cpuUsage(before.self);
  const loadSeconds = (self.user + self.system) / 1e6;
  const completed = answered(measured);
  return {
    requestsPerSecond: measured.requestsPerSecond,
    completed,
    latencyMs: measured.latencyMs,
    errors: measured.errors,
    statusCodes: measured.statusCodes,
    wallSeconds: round(wall, 2),
    cpu: { appSeconds: round(appSeconds, 2), perApp: apps.map((a, k) => round(cpuSeconds(a.pid) - before.apps[k], 2)), nginxSeconds: round(nginxSeconds, 2), loadSeconds: round(loadSeconds, 2), machineCores: os.cpus().length },
    perAppCpuSecond: round(completed / Math.max(0.01, appSeconds), 0),
    perAppAndNginxCpuSecond: round(completed / Math.max(0.01, appSeconds + nginxSeconds), 0),
    appCpuShare: round(appSeconds / (wall * os.cpus().length), 2),
    peakRssMb: peaks.map((p) => round(p, 0)),
  };
}

const sum = (values) => values.reduce((a, b) => a + (b ?? 0), 0);

function nginxVersion() {
  if (!nginxBin) return null;
  const r = spawnSync(nginxBin, ['-v'], { encoding: 'utf8' });
  return (r.stderr || r.stdout).trim();
}

/**
 * nginx with the repository's nginx.conf rendered for loopback (nginx/render-config.mjs, as the
 * ops tests run it), in a temporary prefix. One change: the checkout location's per-address
 * limit (60 a minute) is dropped, since every bench request comes from 127.0.0.1. Run as
 * nobody when the bench runs as root, like the ops test.
 */
async function startNginx(upstreams, log) {
  const prefixDir = mkdtempSync(join(os.tmpdir(), 'dk-bench-nginx-'));
  const port = await freePort();
  const limit = 'limit_req zone=checkout burst=20 nodelay;';
  const source = readFileSync(NGINX_CONF_PATH, 'utf8');
  if (!source.includes(limit)) log(`nginx.conf no longer has "${limit}": the checkout runs with whatever limit it has now`);
  const config = renderNginxConfig({
    listenPort: port,
    upstreams,
    staticDir: join(root, 'packages', 'storefront-ui', 'dist', 'assets'),
    mediaDir: prefixDir,
    prefixDir,
    source: source.split(limit).join(''),
  });
  const confPath = join(prefixDir, 'nginx.conf');
  writeFileSync(confPath, config);
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: 65534, gid: 65534 } : {};
  if (asRoot) chownTree(prefixDir);
  const child = spawn(nginxBin, ['-c', confPath, '-p', `${prefixDir}/`, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'], ...ids });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr.slice(-1000)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer /healthz in 15 s: ${stderr.slice(-1000)}`);
    }
    await sleep(100);
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefixDir, { recursive: true, force: true });
    },
  };
}

function chownTree(path) {
  chownSync(path, 65534, 65534);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry));
}

function judge(results) {
  const checks = [];
  for (const r of results.runs) {
    for (const name of ['page', 'checkout']) {
      const m = r[name];
      const errors = m.errors + (m.retry?.failed ?? 0);
      checks.push({ kind: 'gate', what: `${r.instances} instance(s), ${name}: no error`, measured: `${errors}`, pass: errors === 0 });
    }
  }
  if (results.audit) {
    checks.push({ kind: 'gate', what: 'every order audited: one per 2xx, totals, numbers, stock', measured: `${results.audit.orders} orders, ${results.audit.problems.length} problems`, pass: results.audit.ok });
    checks.push({ kind: 'gate', what: 'no oversold unit', measured: `${results.audit.oversold}`, pass: results.audit.oversold === 0 });
  }
  return checks;
}

function report(results) {
  const m = results.machine;
  const base = (name) => results.runs[0]?.[name]?.perAppCpuSecond;
  const rows = results.runs.flatMap((r) =>
    ['page', 'checkout'].map((name) => {
      const x = r[name];
      const relative = base(name) ? `${Math.round((x.perAppCpuSecond / base(name)) * 100)}%` : '—';
      return [r.instances, name === 'page' ? 'store page' : 'checkout', x.requestsPerSecond, `${x.latencyMs.p50} / ${x.latencyMs.p99}`, x.errors, x.cpu.appSeconds, x.perAppCpuSecond, relative, x.cpu.nginxSeconds, x.perAppAndNginxCpuSecond, x.cpu.loadSeconds, x.peakRssMb.join(' + ')];
    }),
  );
  const lines = [
    '# App instances behind nginx (BENCH_INSTANCES=1)',
    '',
    `${m.date} · ${m.cpus} × ${m.cpuModel} · node ${m.node} · ${results.settings.nginx} · load average ${m.loadAverage.join(' / ')} at the start · ${results.wallSeconds} s in all.`,
    '',
    `The repository's nginx/nginx.conf rendered for loopback (least_conn over the instances, keepalive to them), without the checkout location's per-address limit. ` +
      `Each instance: NODE_ENV=production, Redis cache, rate limits off. ${results.settings.connections} connections to nginx, ${results.settings.warmupSeconds} s warm-up + ${results.settings.durationSeconds} s measured. ` +
      'CPU seconds are utime + stime of each process over the measured window, from /proc.',
    '',
    mdTable(['instances', 'scenario', 'req/s', 'p50 / p99 ms', 'errors', 'app CPU s', 'req per app CPU-s', 'of 1 instance', 'nginx CPU s', 'req per (app + nginx) CPU-s', 'autocannon CPU s', 'peak RSS MB per app'], rows),
    '',
    '![requests per app CPU-second](instances.svg)',
    '',
  ];
  if (results.audit) lines.push(`Checkout audit over every run: ${results.audit.orders} orders, numbers ${results.audit.numbers}, ${results.audit.unitsSold} units sold, ${results.audit.oversold} oversold, ${results.audit.problems.length} problems${results.audit.problems.length ? `: ${results.audit.problems.slice(0, 5).join('; ')}` : ''}.`, '');
  lines.push('| check | what | measured | result |', '|---|---|---|---|');
  for (const c of results.checks) lines.push(`| ${c.kind} | ${c.what} | ${c.measured} | ${c.pass ? 'pass' : '**FAIL**'} |`);
  if (results.error) lines.push('', `**The run failed**: ${results.error.split('\n')[0]}`);
  const charts = {
    'instances.svg': lineChart({
      title: 'Requests per app CPU-second behind nginx',
      xLabel: 'app instances',
      yLabel: 'requests per app CPU-second',
      series: [
        { name: 'store page', points: results.runs.map((r) => [r.instances, r.page.perAppCpuSecond]) },
        { name: 'checkout', points: results.runs.map((r) => [r.instances, r.checkout.perAppCpuSecond]) },
      ],
    }),
  };
  return { text: lines.join('\n'), charts };
}
