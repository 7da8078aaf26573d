// BENCH_SOAK=1 node bench/run.mjs: a soak (issue 15, goal 7). One app (Redis cache) under mixed
// traffic at a fixed rate for 10 minutes: browse 80 % (the store page, and the store API one
// time in four), checkout 15 % (each with its own Idempotency-Key, audited afterwards like (d)),
// vendor 5 % (the order list with an API token). RSS is sampled every few seconds.
// Pass: no error, the audit clean, and no growth beyond noise, defined as the slope of a
// least-squares line through the second half's RSS minima (lowest sample of each 30 s window,
// what survives a GC) below BENCH_SOAK_MAX_SLOPE MB per minute (the first half is warm-up: the
// heap and the caches find their size).
// Environment (all optional):
//   BENCH_SOAK_SECONDS         length of the soak (600)
//   BENCH_SOAK_RATE            requests per second, all kinds together (200)
//   BENCH_SOAK_SAMPLE_SECONDS  RSS sampling interval (5)
//   BENCH_SOAK_MAX_SLOPE       MB per minute allowed over the second half (1)
//   BENCH_CONNECTIONS          autocannon connections (16)
//   BENCH_PHOTOS=0             the bench store without photos (faster seeding, a smaller page)
import autocannon from 'autocannon';
import { join } from 'node:path';
import { startApp } from './app-process.mjs';
import { auditOrders, checkoutTracker } from './checkout.mjs';
import { answeredCount } from './load.mjs';
import { analyze, apiToken, appEnv, envNumber, logger, machine, mdTable, openServices, round, writeModeResults } from './mode-kit.mjs';
import { openCore, seedShop, shop } from './seed.mjs';
import { lineChart } from './svg-chart.mjs';

/** Which request the n-th one is, out of 20: 16 browse (12 page, 4 API), 3 checkout, 1 vendor. */
function kindOf(n) {
  const slot = n % 20;
  if (slot < 12) return 'page';
  if (slot < 16) return 'api';
  if (slot < 19) return 'checkout';
  return 'vendor';
}

export async function run() {
  const log = logger('soak');
  const settings = {
    seconds: envNumber('BENCH_SOAK_SECONDS', 600),
    rate: envNumber('BENCH_SOAK_RATE', 200),
    sampleSeconds: envNumber('BENCH_SOAK_SAMPLE_SECONDS', 5),
    maxSlopeMbPerMin: envNumber('BENCH_SOAK_MAX_SLOPE', 1),
    connections: envNumber('BENCH_CONNECTIONS', 16),
    photos: process.env.BENCH_PHOTOS !== '0',
  };
  const results = { mode: 'soak', machine: machine(), settings, samples: [], totals: null, audit: null, rss: null, checks: [], pass: false };
  const t0 = Date.now();
  const services = await openServices({ redis: true, log });
  let app = null;
  let failure = null;
  try {
    const core = await openCore(services.db.url, join(services.work, 'media'));
    let seeded;
    try {
      seeded = await seedShop(core, { withPhotos: settings.photos });
    } finally {
      await core.close();
    }
    await analyze(services.db.url);
    app = await startApp({ env: appEnv(services), logFile: join(services.work, 'app-soak.log') });
    log(`app on ${app.url}, pid ${app.pid}, RSS ${app.rssMb()?.toFixed(0)} MB`);
    const token = await apiToken(app.url, shop.email, shop.password);
    const tracker = checkoutTracker(seeded.products, `s${Date.now().toString(36)}`);
    const [checkoutEntry] = tracker.requests();
    const counts = { page: { sent: 0, statuses: {} }, api: { sent: 0, statuses: {} }, checkout: { sent: 0, statuses: {} }, vendor: { sent: 0, statuses: {} } };
    let answered = 0;
    let failed = 0;
    let n = 0;
    const mixed = {
      method: 'GET',
      path: `/${shop.slug}`,
      setupRequest(request, context) {
        const kind = kindOf(n++);
        context.kind = kind;
        counts[kind].sent++;
        if (kind === 'checkout') return checkoutEntry.setupRequest({ ...request, method: 'POST', path: `/api/v1/stores/${shop.slug}/orders`, headers: { 'content-type': 'application/json' } }, context);
        context.key = undefined;
        const path = kind === 'page' ? `/${shop.slug}` : kind === 'api' ? `/api/v1/stores/${shop.slug}` : '/api/v1/orders?limit=20';
        return { ...request, method: 'GET', path, headers: kind === 'vendor' ? { authorization: `Bearer ${token}` } : {}, body: undefined };
      },
      onResponse(status, body, context) {
        const kind = context.kind;
        counts[kind].statuses[status] = (counts[kind].statuses[status] ?? 0) + 1;
        answered++;
        if (status < 200 || status >= 300) failed++;
        if (kind === 'checkout') checkoutEntry.onResponse(status, body, context);
      },
    };
    const startedAt = performance.now();
    const sample = () => {
      results.samples.push({ t: round((performance.now() - startedAt) / 1000, 1), rssMb: round(app.rssMb(), 1), answered, failed });
    };
    sample();
    const timer = setInterval(sample, settings.sampleSeconds * 1000);
    log(`soak: ${settings.seconds} s at ${settings.rate} req/s over ${settings.connections} connections (page 60 %, store API 20 %, checkout 15 %, vendor 5 %)`);
    const minute = setInterval(() => {
      const last = results.samples.at(-1);
      log(`soak: ${last.t} s, ${last.answered} answered, ${last.failed} failed, RSS ${last.rssMb} MB`);
    }, 60_000);
    let result;
    try {
      result = await autocannon({ url: app.url, connections: settings.connections, duration: settings.seconds, overallRate: settings.rate, timeout: 10, requests: [mixed] });
    } finally {
      clearInterval(timer);
      clearInterval(minute);
    }
    sample();
    const retry = await tracker.retryUnanswered(app.url);
    results.totals = {
      completed: answeredCount(result),
      requestsPerSecond: round(result.requests.average, 1),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors + result.non2xx + retry.failed,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      byKind: counts,
      retry,
    };
    results.audit = await auditOrders(services.db.url, seeded, tracker);
    log(`audit ${results.audit.ok ? 'ok' : 'FAILED'}: ${results.audit.orders} orders, ${results.audit.problems.length} problems, ${results.audit.oversold} oversold`);
    results.rss = rssAnalysis(results.samples);
  } catch (error) {
    failure = error;
    console.error(error);
  } finally {
    await app?.stop().catch(() => {});
    await services.close();
  }
  results.wallSeconds = Math.round((Date.now() - t0) / 1000);
  results.checks = judge(results);
  if (failure) results.error = String(failure?.stack ?? failure);
  results.pass = !failure && results.checks.every((c) => c.pass);
  const { text, charts } = report(results);
  writeModeResults('soak', results, text, charts);
  console.log(`\n${text}`);
  log(`results in bench/results/soak.{json,md}; app log in ${services.work}`);
  return results.pass ? 0 : 1;
}

/** Least-squares slope (MB per minute) of RSS over the second half of the samples, and the halves' means. */
export function rssAnalysis(samples) {
  const valid = samples.filter((s) => s.rssMb !== null);
  const end = valid.at(-1)?.t ?? 0;
  const second = valid.filter((s) => s.t >= end / 2);
  const first = valid.filter((s) => s.t < end / 2);
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const slope = slopePerMinute(second);
  // RSS saws up and down with the heap between major GCs (tens of MB every ~30 s): a line through
  // every sample depends on where the run ends in the cycle. The lowest sample of each 30 s
  // window (what survives a GC) is the steadier series to fit.
  const windowSeconds = 30;
  const troughs = [];
  for (const s of second) {
    const w = Math.floor(s.t / windowSeconds);
    if (!troughs[w] || s.rssMb < troughs[w].rssMb) troughs[w] = s;
  }
  const lows = troughs.filter(Boolean);
  return {
    start: valid[0]?.rssMb ?? null,
    secondHalfTroughSlopeMbPerMin: round(slopePerMinute(lows), 2),
    troughWindows: lows.length,
    end: valid.at(-1)?.rssMb ?? null,
    max: valid.length ? Math.max(...valid.map((s) => s.rssMb)) : null,
    firstHalfMean: round(mean(first.map((s) => s.rssMb)), 1),
    secondHalfMean: round(mean(second.map((s) => s.rssMb)), 1),
    secondHalfSlopeMbPerMin: round(slope, 2),
    secondHalfSamples: second.length,
  };
}

/** Least-squares slope of rssMb over t, in MB per minute (null under 3 points). */
function slopePerMinute(points) {
  if (points.length < 3) return null;
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mt = mean(points.map((p) => p.t));
  const mr = mean(points.map((p) => p.rssMb));
  const cov = points.reduce((a, p) => a + (p.t - mt) * (p.rssMb - mr), 0);
  const variance = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return variance > 0 ? (cov / variance) * 60 : null;
}

export function judge(results) {
  const checks = [];
  if (results.totals) checks.push({ kind: 'gate', what: 'no error (non-2xx, socket error, timeout, failed retry)', measured: `${results.totals.errors}`, pass: results.totals.errors === 0 });
  if (results.audit) {
    checks.push({ kind: 'gate', what: 'every order audited: one per 2xx, totals, numbers, stock', measured: `${results.audit.orders} orders, ${results.audit.problems.length} problems`, pass: results.audit.ok });
    checks.push({ kind: 'gate', what: 'no oversold unit', measured: `${results.audit.oversold}`, pass: results.audit.oversold === 0 });
  }
  if (results.rss) {
    const slope = results.rss.secondHalfTroughSlopeMbPerMin;
    checks.push({
      kind: 'gate',
      what: `no memory growth: slope of the 30 s minima of RSS over the second half < ${results.settings.maxSlopeMbPerMin} MB/min`,
      measured: slope === null ? 'too few windows (run at least 3 minutes)' : `${slope} MB/min (${results.rss.troughWindows} windows; all samples: ${results.rss.secondHalfSlopeMbPerMin} MB/min)`,
      pass: slope !== null && slope < results.settings.maxSlopeMbPerMin,
    });
  }
  return checks;
}

export function report(results) {
  const m = results.machine;
  const s = results.settings;
  const lines = [
    '# Soak (BENCH_SOAK=1)',
    '',
    `${m.date} · ${m.cpus} × ${m.cpuModel} · node ${m.node} · load average ${m.loadAverage.join(' / ')} at the start · ${results.wallSeconds} s in all.`,
    '',
    `${s.seconds} s at ${s.rate} requests/s (fixed rate) over ${s.connections} connections: store page 60 %, store API 20 %, checkout 15 %, vendor order list 5 %. One app, NODE_ENV=production, Redis cache, rate limits off; RSS every ${s.sampleSeconds} s.`,
    '',
  ];
  const t = results.totals;
  if (t) {
    lines.push(
      mdTable(
        ['kind', 'sent', 'answered by status'],
        Object.entries(t.byKind).map(([kind, c]) => [kind, c.sent, Object.entries(c.statuses).map(([code, k]) => `${code}: ${k.toLocaleString('en')}`).join(', ') || '—']),
      ),
      '',
      `All kinds: ${t.completed.toLocaleString('en')} answered, ${t.requestsPerSecond} req/s, latency p50 ${t.latencyMs.p50} ms, p99 ${t.latencyMs.p99} ms, max ${t.latencyMs.max} ms; ${t.errors} errors (${t.non2xx} non-2xx, ${t.socketErrors} socket errors, ${t.timeouts} timeouts); ${t.retry.unanswered} checkouts unanswered at the end, retried.`,
      '',
    );
  }
  const r = results.rss;
  if (r) {
    lines.push(
      mdTable(['RSS MB at start', 'first-half mean', 'second-half mean', 'end', 'max', 'second-half slope MB/min, all samples / 30 s minima'], [[r.start, r.firstHalfMean, r.secondHalfMean, r.end, r.max, `${r.secondHalfSlopeMbPerMin} / ${r.secondHalfTroughSlopeMbPerMin}`]]),
      '',
      '![RSS during the soak](soak.svg)',
      '',
    );
  }
  if (results.audit) lines.push(`Checkout audit: ${results.audit.orders} orders, numbers ${results.audit.numbers}, ${results.audit.unitsSold} units sold, ${results.audit.oversold} oversold, ${results.audit.problems.length} problems${results.audit.problems.length ? `: ${results.audit.problems.slice(0, 5).join('; ')}` : ''}.`, '');
  lines.push('| check | what | measured | result |', '|---|---|---|---|');
  for (const c of results.checks) lines.push(`| ${c.kind} | ${c.what} | ${c.measured} | ${c.pass ? 'pass' : '**FAIL**'} |`);
  if (results.error) lines.push('', `**The run failed**: ${results.error.split('\n')[0]}`);
  const charts = {
    'soak.svg': lineChart({
      title: 'App RSS during the soak',
      xLabel: 'seconds',
      yLabel: 'RSS (MB)',
      logX: false,
      series: [{ name: 'RSS', points: thin(results.samples).map((x) => [x.t, x.rssMb]) }],
    }),
  };
  return { text: lines.join('\n'), charts };
}

/** At most ~40 points on the chart (every label is drawn): the samples, evenly thinned. */
function thin(samples) {
  if (samples.length <= 40) return samples;
  const step = Math.ceil(samples.length / 40);
  return samples.filter((_, k) => k % step === 0 || k === samples.length - 1);
}
