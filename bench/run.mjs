#!/usr/bin/env node
// npm run bench: the reference app on PostgreSQL and Redis, on loopback, under autocannon.
// See bench/README.md. Environment (all optional):
//   BENCH_DATABASE_URL  server to create the throwaway database on (postgres://postgres@127.0.0.1:5432/test)
//   BENCH_DURATION / BENCH_WARMUP / BENCH_CONNECTIONS   seconds / seconds / connections (10 / 2 / 32)
//   BENCH_ONLY          comma-separated scenario ids (a-memory,c-memory,f,a-redis,c-redis,d,g,e,b,db-ceiling)
//   BENCH_DB_WHATIF=1   db-ceiling also replays without the coupon's used_count update, and at 10 connections (what-ifs, 24 s more)
//   BENCH_ORDER_RATE / BENCH_ORDER_CONNECTIONS   (g): checkouts per second / their connections (50 / 8)
//   BENCH_PROFILE=1     one app per scenario under node --cpu-prof (bench/profiles/<id>.cpuprofile)
//   BENCH_LOG_LEVEL     the app's LOG_LEVEL (warn)
//   BENCH_ORDERS        orders seeded for (e) (10000)
//   BENCH_KEEP_DB=1     keep the database afterwards (for EXPLAIN and the like)
//   BENCH_NODE_ARGS     extra node flags for the app process (e.g. --trace-gc)
//   BENCH_APP_ENV       extra environment for the app process (NAME=value pairs, e.g. MALLOC_ARENA_MAX=2)
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { profileDir, startApp, startCeiling } from './app-process.mjs';
import { auditOrders, checkoutTracker } from './checkout.mjs';
import { captureCheckouts, commitSettings, replayCheckouts } from './db-ceiling.mjs';
import { runLoad } from './load.mjs';
import { runPageWithOrders } from './orders-flowing.mjs';
import { samplePgActivity } from './pg-activity.mjs';
import { judge, markdown, ratios, table, writeResults } from './report.mjs';
import { configurations, scenarios } from './scenarios.mjs';
import { openCore, ordersShop, seedOrdersShop, seedShop, shop } from './seed.mjs';
import { createBenchDatabase, startRedis } from './services.mjs';
import { formatSummary, summarize } from './top-functions.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const env = process.env;
// Modes that run on their own and exit (bench/scale.mjs, instances.mjs, soak.mjs): a default run never loads them.
for (const mode of ['scale', 'instances', 'soak']) {
  if (env[`BENCH_${mode.toUpperCase()}`] === '1') process.exit(await (await import(`./${mode}.mjs`)).run());
}
const settings = {
  connections: Number(env.BENCH_CONNECTIONS ?? 32),
  warmupSeconds: Number(env.BENCH_WARMUP ?? 2),
  durationSeconds: Number(env.BENCH_DURATION ?? 10),
  logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
  profile: env.BENCH_PROFILE === '1',
  orderRate: Number(env.BENCH_ORDER_RATE ?? 50),
  orderConnections: Number(env.BENCH_ORDER_CONNECTIONS ?? 8),
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null,
};
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const selected = scenarios.filter((s) => !settings.only || settings.only.includes(s.id));
const work = mkdtempSync(join(os.tmpdir(), 'dk-bench-'));
const log = (message) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
const t0 = Date.now();

const results = {
  machine: {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemMb: Math.round(os.totalmem() / 1048576),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageBefore: os.loadavg().map((n) => Math.round(n * 100) / 100),
    loadAverageAfter: null,
  },
  settings: { connections: settings.connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds, logLevel: settings.logLevel, profile: settings.profile, only: settings.only, orderRate: settings.orderRate, orderConnections: settings.orderConnections },
  services: {},
  seed: {},
  storePage: { available: null, reason: null },
  ceiling: null,
  scenarios: [],
  ratios: {},
  checks: [],
  pass: false,
  wallSeconds: null,
  profiles: {},
};

let db = null;
let redis = null;
const running = new Set();
let failure = null;
try {
  if (settings.profile) mkdirSync(profileDir, { recursive: true });
  db = await createBenchDatabase(adminUrl);
  log(`database ${db.name}`);
  redis = await startRedis();
  log(`private redis-server on ${redis.url}`);
  results.services = { postgres: await postgresVersion(db.url), redis: redis.url };

  // Seeding through the core (its own process-local cache; the apps start afterwards).
  const core = await openCore(db.url, join(work, 'media'));
  const seededShop = await seedShop(core);
  results.seed.shop = { slug: shop.slug, products: seededShop.products.length, initialStock: shop.initialStock };
  log(`seeded /${shop.slug}: ${seededShop.products.length} products`);
  if (selected.some((s) => s.id === 'e')) {
    const seeded = await seedOrdersShop(core);
    results.seed.ordersShop = { slug: ordersShop.slug, orders: seeded.orders, seconds: seeded.seconds, ordersPerSecond: Math.round(seeded.orders / seeded.seconds) };
    log(`seeded /${ordersShop.slug}: ${seeded.orders} orders through placeOrder in ${seeded.seconds.toFixed(1)} s`);
  }
  await core.close();
  // Autovacuum would analyze tables grown this fast within a minute or so; without fresh
  // statistics PostgreSQL plans the order list as a scan of all 10,000 rows and a sort.
  await analyze(db.url);

  const baseEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: settings.logLevel,
    RATE_LIMIT_LOGIN: '0',
    RATE_LIMIT_CHECKOUT: '0',
    MEDIA_DIR: join(work, 'media'),
    // Production requires the base of links in mail: each checkout of (d) and (g) mails the vendor (new-order mail, written to the file outbox).
    PUBLIC_URL: 'http://127.0.0.1',
    MAIL_OUTBOX_DIR: join(work, 'outbox'),
  };
  const envFor = (config) => ({ ...baseEnv, ...configurations[config].env, ...(config === 'redis' ? { REDIS_URL: redis.url } : {}) });
  const runState = { seededShop, captured: null, tracker: null };

  for (const config of ['memory', 'ceiling', 'redis', 'off', 'database']) {
    const group = selected.filter((s) => s.config === config);
    if (group.length === 0) continue;
    if (config === 'ceiling') {
      for (const scenario of group) results.scenarios.push(await runCeiling(scenario, runState, envFor('memory')));
      continue;
    }
    if (config === 'database') {
      for (const scenario of group) results.scenarios.push(await runDbCeiling(scenario, runState));
      continue;
    }
    let shared = null;
    for (const scenario of group) {
      const app = shared ?? (await start(config, envFor(config), settings.profile ? scenario.id : null));
      if (!settings.profile) shared = app;
      try {
        results.scenarios.push(await runScenario(scenario, app, runState));
      } finally {
        if (settings.profile) await stop(app, scenario.id);
      }
    }
    if (shared) await stop(shared, config);
  }
} catch (error) {
  failure = error;
  console.error(error);
} finally {
  for (const app of running) await app.stop().catch(() => {});
  await redis?.stop().catch((error) => console.error('redis stop:', error));
  if (env.BENCH_KEEP_DB === '1' && db) log(`kept database ${db.url} (BENCH_KEEP_DB=1): drop it yourself`);
  else await db?.drop().catch((error) => console.error('database drop:', error));
}

results.machine.loadAverageAfter = os.loadavg().map((n) => Math.round(n * 100) / 100);
results.ratios = ratios(results);
results.checks = judge(results);
const gatesPass = results.checks.filter((c) => c.kind === 'gate').every((c) => c.pass);
const ranAll = results.scenarios.length === selected.length && results.scenarios.every((s) => s.status === 'ok' || s.status === 'unavailable');
results.pass = !failure && gatesPass && ranAll;
if (failure) results.error = String(failure?.stack ?? failure);
results.wallSeconds = Math.round((Date.now() - t0) / 100) / 10;
const profileTexts = [];
if (settings.profile) {
  for (const scenario of selected) {
    try {
      const summary = summarize(JSON.parse(readFileSync(join(profileDir, `${scenario.id}.cpuprofile`), 'utf8')), { top: 10 });
      results.profiles[scenario.id] = summary;
      const text = formatSummary(scenario.id, summary);
      writeFileSync(join(profileDir, `${scenario.id}.top.txt`), `${text}\n`);
      profileTexts.push(text);
    } catch {
      // no profile for this one (the ceiling is not profiled)
    }
  }
}
writeResults(results, { jsonFile: join(here, 'results.json'), mdFile: join(here, 'results.md') });

console.log(`\n${markdown(results)}`);
for (const text of profileTexts) console.log(`${text}\n`);
log(`results in bench/results.json and bench/results.md; app logs in ${work}`);
process.exit(results.pass ? 0 : 1);

// ---------------------------------------------------------------------------

async function start(config, appEnv, profileName) {
  const app = await startApp({ env: appEnv, logFile: join(work, `app-${config}.log`), profileName });
  running.add(app);
  log(`app (${configurations[config].label}${profileName ? `, profiling ${profileName}` : ''}) on ${app.url}, pid ${app.pid}, RSS ${app.rssMb()?.toFixed(0)} MB`);
  return app;
}

async function stop(app, name) {
  running.delete(app);
  const code = await app.stop();
  if (code !== 0) log(`app ${name} exited with ${code}`);
}

async function runScenario(scenario, app, state) {
  const base = { id: scenario.id, label: scenario.label, config: scenario.config };
  let request = scenario.request;
  const extra = {};
  if (scenario.needs === 'page' || scenario.needs === 'page-with-orders') {
    const probe = await get(`${app.url}/${shop.slug}`);
    const contentType = String(probe.headers['content-type'] ?? '');
    if (probe.status !== 200 || !contentType.startsWith('text/html')) {
      const reason = `GET /${shop.slug} answered ${probe.status} ${contentType || '(no content type)'}`;
      results.storePage = { available: false, reason };
      log(`${scenario.id}: skipped, ${reason}`);
      return { ...base, status: 'unavailable', reason };
    }
    results.storePage = { available: true, reason: null, contentType, bytes: probe.body.length };
    if (!state.captured) state.captured = { ...probe, source: `GET /${shop.slug} (${scenario.config})` };
  }
  if (scenario.id.startsWith('c-')) {
    const probe = await get(`${app.url}${scenario.request.path}`);
    const products = probe.status === 200 ? JSON.parse(probe.body.toString()).products?.length : null;
    if (products !== shop.products) throw new Error(`${scenario.id}: expected ${shop.products} products, got ${probe.status} ${probe.body.toString().slice(0, 200)}`);
    state.apiResponse ??= probe;
  }
  if (scenario.needs === 'orders') {
    state.tracker = checkoutTracker(state.seededShop.products, randomBytes(4).toString('hex'));
    request = { requests: state.tracker.requests };
  }
  if (scenario.needs === 'token') {
    const token = await apiToken(app.url);
    const headers = { authorization: `Bearer ${token}` };
    const probe = await get(`${app.url}/api/v1/orders?limit=20`, headers);
    const page = probe.status === 200 ? JSON.parse(probe.body.toString()) : null;
    if (page?.items?.length !== 20 || !page.nextCursor) throw new Error(`e: expected 20 orders and a cursor, got ${probe.status} ${probe.body.toString().slice(0, 200)}`);
    extra.firstOrderNumber = page.items[0].number;
    request = { path: '/api/v1/orders?limit=20', headers };
  }
  log(`${scenario.id}: ${scenario.label}`);
  if (scenario.needs === 'page-with-orders') return runOrdersFlowing(base, app, state);
  const activity = await samplePgActivity(db.url);
  const measured = await runLoad({ url: app.url, pid: app.pid, request, ...loadSettings() });
  const outcome = { ...base, status: 'ok', ...extra, ...measured, postgres: await activity.stop() };
  if (scenario.needs === 'orders') {
    outcome.retry = await state.tracker.retryUnanswered(app.url);
    outcome.audit = await auditOrders(db.url, state.seededShop, state.tracker);
    const early200 = measured.statusCodes['200'] ?? 0;
    if (early200 > 0) outcome.audit.problems.push(`${early200} checkouts with a fresh key were answered 200 (an existing order)`), (outcome.audit.ok = false);
    log(`d: audit ${outcome.audit.ok ? 'ok' : 'FAILED'}: ${outcome.audit.orders} orders, ${outcome.audit.problems.length} problems`);
  }
  log(`${scenario.id}: ${measured.requestsPerSecond} req/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms, errors ${measured.errors}, peak RSS ${measured.peakRssMb} MB, app CPU ${measured.appCpuMs} ms = ${measured.appCpuMsPerRequest} ms per request`);
  log(`${scenario.id}: PostgreSQL backends on average: ${Object.entries(outcome.postgres.meanBackends).slice(0, 5).map(([k, v]) => `${v} ${k}`).join('; ') || 'none'}`);
  return outcome;
}

/** (g): the page alone, then with checkouts at BENCH_ORDER_RATE beside it (orders-flowing.mjs). */
async function runOrdersFlowing(base, app, state) {
  const activity = await samplePgActivity(db.url);
  const measured = await runPageWithOrders({
    url: app.url,
    pid: app.pid,
    products: state.seededShop.products,
    runId: `g${randomBytes(4).toString('hex')}`,
    settings: { ...loadSettings(), orderRate: settings.orderRate, orderConnections: settings.orderConnections },
    stockInDatabase: () => stockInDatabase(state.seededShop.storeId),
  });
  const outcome = { ...base, status: 'ok', ...measured, postgres: await activity.stop() };
  log(`g: page alone ${measured.alone.requestsPerSecond} req/s (p99 ${measured.alone.latencyMs.p99} ms); with ${measured.checkout.requestsPerSecond} orders/s: ${measured.requestsPerSecond} req/s (p99 ${measured.latencyMs.p99} ms), ratio ${measured.ratio}`);
  log(`g: checkout errors ${measured.checkout.errors}; shown stock ${measured.stock.ok ? 'matches PostgreSQL' : `differs: ${measured.stock.mismatches.join('; ')}`}`);
  return outcome;
}

/** Variant id -> stock, straight from PostgreSQL. */
async function stockInDatabase(storeId) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const rows = (await client.query('SELECT id, stock FROM product_variants WHERE store_id = $1', [storeId])).rows;
    return new Map(rows.map((r) => [r.id, r.stock === null ? null : Number(r.stock)]));
  } finally {
    await client.end();
  }
}

async function runCeiling(scenario, state, memoryEnv) {
  const base = { id: scenario.id, label: scenario.label, config: scenario.config };
  let captured = state.captured ?? null;
  if (!captured) {
    // (a) did not run in this invocation (BENCH_ONLY) or the page is missing: ask an app for it.
    const app = await start('memory', memoryEnv, null);
    try {
      const page = await get(`${app.url}/${shop.slug}`);
      if (page.status === 200 && String(page.headers['content-type'] ?? '').startsWith('text/html')) {
        captured = { ...page, source: `GET /${shop.slug} (memory)` };
        results.storePage = { available: true, reason: null, contentType: page.headers['content-type'], bytes: page.body.length };
      } else {
        results.storePage = { available: false, reason: `GET /${shop.slug} answered ${page.status} ${page.headers['content-type'] ?? ''}` };
        captured = { ...(await get(`${app.url}/api/v1/stores/${shop.slug}`)), source: `GET /api/v1/stores/${shop.slug} (memory; the store page was unavailable)` };
      }
    } finally {
      await stop(app, 'memory (capture)');
    }
  }
  const responseFile = join(work, 'captured-response.json');
  writeFileSync(responseFile, JSON.stringify({ status: captured.status, rawHeaders: captured.rawHeaders, bodyBase64: captured.body.toString('base64') }));
  results.ceiling = { source: captured.source, status: captured.status, contentType: captured.headers['content-type'], bytes: captured.body.length, headers: captured.rawHeaders };
  const server = await startCeiling({ responseFile, logFile: join(work, 'ceiling.log') });
  running.add(server);
  try {
    log(`f: ceiling on ${server.url} answering ${captured.source}, ${captured.body.length} bytes`);
    const measured = await runLoad({ url: server.url, pid: server.pid, request: { path: `/${shop.slug}` }, ...loadSettings() });
    log(`f: ${measured.requestsPerSecond} req/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms, errors ${measured.errors}`);
    return { ...base, status: 'ok', ...measured };
  } finally {
    running.delete(server);
    await server.stop();
  }
}

/** db-ceiling: (d)'s checkouts recorded through the core, then replayed by node-pg alone (db-ceiling.mjs). */
async function runDbCeiling(scenario, state) {
  const base = { id: scenario.id, label: scenario.label, config: scenario.config };
  const captured = await captureCheckouts(db.url, state.seededShop);
  log(`db-ceiling: recorded ${captured.templates.length} checkouts, ${captured.statements.length} statements in the first: ${captured.statements.map((sql) => sql.slice(0, 40)).join(' | ')}`);
  const settingsNow = await commitSettings(db.url);
  const activity = await samplePgActivity(db.url);
  const measured = await replayCheckouts(db.url, captured.templates, loadSettings());
  const outcome = { ...base, status: 'ok', ...measured, templates: captured.templates.length, statements: captured.statements, outsideTransaction: captured.outsideTransaction, settings: settingsNow, postgres: await activity.stop() };
  log(`db-ceiling: ${measured.requestsPerSecond} transactions/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms, errors ${measured.errors}${measured.firstError ? ` (${measured.firstError})` : ''}`);
  log(`db-ceiling: PostgreSQL backends on average: ${Object.entries(outcome.postgres.meanBackends).slice(0, 5).map(([k, v]) => `${v} ${k}`).join('; ') || 'none'}`);
  if (env.BENCH_DB_WHATIF === '1') {
    const whatIf = await replayCheckouts(db.url, captured.templates, { ...loadSettings(), skip: /^update "coupons"/i });
    outcome.withoutCouponClaim = { requestsPerSecond: whatIf.requestsPerSecond, latencyMs: whatIf.latencyMs, errors: whatIf.errors };
    log(`db-ceiling what-if, without the coupon's used_count update: ${whatIf.requestsPerSecond} transactions/s, p99 ${whatIf.latencyMs.p99} ms`);
    // The app holds at most 10 connections (knex's default pool): the same statements at that concurrency.
    const atPool = await replayCheckouts(db.url, captured.templates, { ...loadSettings(), connections: 10 });
    outcome.atAppPoolSize = { connections: 10, requestsPerSecond: atPool.requestsPerSecond, latencyMs: atPool.latencyMs, errors: atPool.errors };
    log(`db-ceiling what-if, 10 connections (the app's pool): ${atPool.requestsPerSecond} transactions/s, p99 ${atPool.latencyMs.p99} ms`);
  }
  return outcome;
}

function loadSettings() {
  return { connections: settings.connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };
}

/** A session by logging in (POST /api/v1/session), then an API token with it (POST /api/v1/tokens). */
async function apiToken(url) {
  const login = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ordersShop.email, password: ordersShop.password }) });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  await login.arrayBuffer();
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const created = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'bench' }) });
  if (created.status !== 201) throw new Error(`POST /api/v1/tokens answered ${created.status}: ${await created.text()}`);
  return (await created.json()).token;
}

/** One GET with node:http, keeping the raw header list (for the ceiling's exact copy). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function analyze(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function postgresVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}
