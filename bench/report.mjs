// Judges the measurements against the targets and the hard gates, and writes
// bench/results.json and bench/results.md.
import { writeFileSync } from 'node:fs';
import { targets } from './scenarios.mjs';

/** Targets (soft: reported pass/fail) and gates (hard: exit code 1) for the measured scenarios. */
export function judge(results) {
  const by = Object.fromEntries(results.scenarios.filter((s) => s.status === 'ok').map((s) => [s.id, s]));
  const checks = [];
  const target = (id, description, measured, pass) => checks.push({ kind: 'target', id, description, measured, pass });
  const gate = (id, description, measured, pass) => checks.push({ kind: 'gate', id, description, measured, pass });
  const ceiling = by.f?.requestsPerSecond;
  for (const id of ['a-memory', 'a-redis']) {
    const s = by[id];
    if (!s) continue;
    const share = ceiling ? s.requestsPerSecond / ceiling : null;
    target(id, `req/s >= ${targets.storePageShareOfCeiling * 100}% of (f)`, share === null ? '(f) not run' : `${pct(share)}% of (f)`, share === null ? null : share >= targets.storePageShareOfCeiling);
    target(id, `p99 < ${targets.storePageP99Ms} ms`, `${s.latencyMs.p99} ms`, s.latencyMs.p99 < targets.storePageP99Ms);
  }
  if (by.b) target('b', `req/s >= ${targets.uncachedPageRps}`, `${by.b.requestsPerSecond}`, by.b.requestsPerSecond >= targets.uncachedPageRps);
  if (by.d) target('d', `orders/s >= ${targets.checkoutRps} with no error`, `${by.d.requestsPerSecond}/s, ${by.d.errors} errors`, by.d.requestsPerSecond >= targets.checkoutRps && by.d.errors === 0);
  if (by.d && by['db-ceiling']) {
    const share = by.d.requestsPerSecond / by['db-ceiling'].requestsPerSecond;
    target('d', `orders/s >= ${targets.checkoutShareOfDbCeiling * 100}% of db-ceiling`, `${pct(share)}% of ${by['db-ceiling'].requestsPerSecond} tx/s`, share >= targets.checkoutShareOfDbCeiling);
  }
  if (by.e) {
    target('e', `req/s >= ${targets.orderListRps}`, `${by.e.requestsPerSecond}`, by.e.requestsPerSecond >= targets.orderListRps);
    target('e', `p99 < ${targets.orderListP99Ms} ms`, `${by.e.latencyMs.p99} ms`, by.e.latencyMs.p99 < targets.orderListP99Ms);
  }
  if (by.g) judgeOrdersFlowing(by.g, ceiling, target, gate);
  for (const s of Object.values(by)) {
    if (s.config !== 'ceiling' && s.config !== 'database') target(s.id, `app peak RSS < ${targets.rssMb} MB`, `${s.peakRssMb} MB`, s.peakRssMb < targets.rssMb);
  }
  for (const s of Object.values(by)) {
    const errors = errorsOf(s);
    gate(s.id, 'no error (non-2xx or socket error, warm-up included)', `${errors}`, errors === 0);
  }
  if (by.d) {
    const audit = by.d.audit;
    gate('d', 'every order checked: one per 2xx, totals, numbers, stock', audit ? `${audit.orders} orders, ${audit.problems.length} problems` : 'not audited', Boolean(audit?.ok));
    gate('d', 'no oversold unit', audit ? `${audit.oversold}` : 'not audited', audit?.oversold === 0);
  }
  return checks;
}

/** (g): the page targets of (a), held with orders flowing; shown stock exact once they stop. */
function judgeOrdersFlowing(g, ceiling, target, gate) {
  const share = ceiling ? g.requestsPerSecond / ceiling : null;
  const rate = `${g.checkout.requestsPerSecond} orders/s`;
  target('g', `req/s with ${rate} >= ${targets.storePageShareOfCeiling * 100}% of (f)`, share === null ? '(f) not run' : `${pct(share)}% of (f)`, share === null ? null : share >= targets.storePageShareOfCeiling);
  target('g', `p99 < ${targets.storePageP99Ms} ms with ${rate}`, `${g.latencyMs.p99} ms`, g.latencyMs.p99 < targets.storePageP99Ms);
  target('g', `req/s with orders >= ${targets.pageWithOrdersRatio * 100}% of the page alone (same run, mean of before and after)`, `${g.ratio === null ? 'n/a' : pct(g.ratio)}%`, g.ratio === null ? null : g.ratio >= targets.pageWithOrdersRatio);
  gate('g', 'store API shows PostgreSQL\'s stock within 2 s of the last order', g.stock.ok ? `${g.stock.products} products match` : g.stock.mismatches.join('; ') || `status ${g.stock.status}`, g.stock.ok);
}

/** Every failed request of a scenario: warm-up, retries, and for (g) both halves and the orders. */
function errorsOf(s) {
  const alone = s.alone ? s.alone.errors + (s.alone.warmup?.errors ?? 0) + s.alone.after.errors : 0;
  return s.errors + (s.warmup?.errors ?? 0) + (s.retry?.failed ?? 0) + alone + (s.checkout?.errors ?? 0);
}

export function ratios(results) {
  const by = Object.fromEntries(results.scenarios.filter((s) => s.status === 'ok').map((s) => [s.id, s]));
  const out = {};
  for (const id of ['a-memory', 'a-redis', 'b', 'c-memory', 'c-redis']) {
    if (by[id] && by.f) out[`${id}/f`] = Math.round((by[id].requestsPerSecond / by.f.requestsPerSecond) * 1000) / 1000;
  }
  if (by.d && by['db-ceiling']) out['d/db-ceiling'] = Math.round((by.d.requestsPerSecond / by['db-ceiling'].requestsPerSecond) * 1000) / 1000;
  if (by.g) {
    out['g with orders/alone'] = by.g.ratio;
    if (by.f) out['g/f'] = Math.round((by.g.requestsPerSecond / by.f.requestsPerSecond) * 1000) / 1000;
  }
  return out;
}

export function table(results) {
  const rows = [
    '| scenario | req/s | p50 ms | p99 ms | errors | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of results.scenarios) {
    if (s.status !== 'ok') {
      rows.push(`| ${s.label} | ${s.status}: ${s.reason} | | | | |`);
      continue;
    }
    if (s.alone) rows.push(`| ${s.label.replace('while checkouts run', 'alone (before / after the orders)')} | ${fmt(s.alone.requestsPerSecond)} / ${fmt(s.alone.after.requestsPerSecond)} | ${s.alone.latencyMs.p50} | ${s.alone.latencyMs.p99} / ${s.alone.after.latencyMs.p99} | ${s.alone.errors + (s.alone.warmup?.errors ?? 0) + s.alone.after.errors} | ${s.alone.peakRssMb} |`);
    const label = s.checkout ? `${s.label} (${fmt(s.checkout.requestsPerSecond)} orders/s)` : s.label;
    rows.push(`| ${label} | ${fmt(s.requestsPerSecond)} | ${s.latencyMs.p50} | ${s.latencyMs.p99} | ${errorsOf(s)} | ${s.config === 'database' ? '(no app)' : s.peakRssMb}${s.config === 'ceiling' ? ' (server)' : ''} |`);
  }
  return rows.join('\n');
}

export function markdown(results) {
  const { machine } = results;
  const lines = [
    `# Benchmark results`,
    '',
    `${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.totalMemMb} MB · node ${machine.node} · load average ${machine.loadAverageBefore.join(' / ')} before, ${machine.loadAverageAfter.join(' / ')} after`,
    '',
    `${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up + ${results.settings.durationSeconds} s measured per scenario; PostgreSQL ${results.services.postgres}, Redis ${results.services.redis} (private, loopback); app LOG_LEVEL=${results.settings.logLevel}, NODE_ENV=production, rate limits off.`,
    '',
    ...(results.settings.profile ? ['**Profiled run** (`BENCH_PROFILE=1`, one app per scenario under `--cpu-prof`): the numbers are lower than without the profiler.', ''] : []),
    ...(results.settings.only ? [`Only: ${results.settings.only.join(', ')}.`, ''] : []),
    table(results),
    '',
  ];
  if (results.storePage.available === false) lines.push(`**The HTML store page was not available** (${results.storePage.reason}).`, '');
  if (results.ceiling) lines.push(`(f) answers ${results.ceiling.source}: ${results.ceiling.status} ${results.ceiling.contentType}, ${results.ceiling.bytes} bytes, the same headers.`, '');
  const g = results.scenarios.find((s) => s.id === 'g' && s.status === 'ok');
  if (g) {
    lines.push(
      `(g) ran the store page alone, with checkouts capped at ${results.settings.orderRate}/s over ${results.settings.orderConnections} connections, then alone again ` +
        `(${fmt(g.checkout.requestsPerSecond)} orders/s placed, checkout p99 ${g.checkout.latencyMs.p99} ms): with orders / mean of the two alone = ${g.ratio}. ` +
        `Stock shown by the store API after the last order: ${g.stock.ok ? 'equal to PostgreSQL' : `**different** (${g.stock.mismatches.join('; ')})`}.`,
      '',
    );
  }
  const r = results.ratios;
  if (Object.keys(r).length) {
    lines.push('Ratios to the ceiling (f): ' + Object.entries(r).map(([k, v]) => `${k} = ${v}`).join(', '), '');
  }
  lines.push('| check | scenario | what | measured | result |', '|---|---|---|---|---|');
  for (const c of results.checks) lines.push(`| ${c.kind} | ${c.id} | ${c.description} | ${c.measured} | ${c.pass === null ? 'n/a' : c.pass ? 'pass' : '**FAIL**'} |`);
  lines.push('');
  const d = results.scenarios.find((s) => s.id === 'd' && s.status === 'ok');
  if (d?.audit) {
    lines.push(
      `Checkout audit: ${d.audit.orders} orders in PostgreSQL for ${d.audit.answered2xx} keys answered 2xx ` +
        `(${d.retry.unanswered} requests were in flight when the load stopped; retried with their key: ${d.retry.existing} already placed, ${d.retry.createdNow} placed by the retry, ${d.retry.failed} failed); ` +
        `numbers ${d.audit.numbers}${d.audit.numberGaps === undefined ? '' : ` (${d.audit.numberGaps} missing, at most ${d.audit.answeredWithoutNewOrder} allowed: requests answered without a new order)`}; ${d.audit.totalsChecked} totals checked; ${d.audit.unitsSold} units sold; oversold ${d.audit.oversold}.`,
      '',
    );
    for (const p of d.audit.problems) lines.push(`- ${p}`);
  }
  const ceiling = results.scenarios.find((s) => s.id === 'db-ceiling' && s.status === 'ok');
  if (ceiling) {
    lines.push(
      `Database ceiling: ${ceiling.templates} checkouts recorded through the core (knex 'query' events, BEGIN … COMMIT) and replayed by ${ceiling.connections} node-pg connections, ` +
        `${ceiling.statements.length} statements each, fresh ids, token and key per transaction; ${fmt(ceiling.requestsPerSecond)} transactions/s, p99 ${ceiling.latencyMs.p99} ms, ${ceiling.errors} errors` +
        `${ceiling.firstError ? ` (first: ${ceiling.firstError})` : ''}; synchronous_commit=${ceiling.settings?.synchronous_commit}.` +
        (ceiling.withoutCouponClaim ? ` What-if without the coupon's used_count update: ${fmt(ceiling.withoutCouponClaim.requestsPerSecond)} transactions/s.` : '') +
        (ceiling.atAppPoolSize ? ` At ${ceiling.atAppPoolSize.connections} connections (the app's pool): ${fmt(ceiling.atAppPoolSize.requestsPerSecond)} transactions/s.` : ''),
      '',
    );
  }
  const withDb = results.scenarios.filter((s) => s.status === 'ok' && s.postgres);
  if (withDb.length) {
    lines.push('PostgreSQL during each scenario (mean number of the bench database\'s backends in each state, pg_stat_activity sampled every 100 ms):', '');
    for (const s of withDb) lines.push(`- ${s.id}: ${Object.entries(s.postgres.meanBackends).slice(0, 6).map(([k, v]) => `${v} ${k}`).join('; ') || 'none'}`);
    lines.push('');
  }
  lines.push(`Hard gates: ${results.pass ? 'pass' : '**FAIL**'}.`, '');
  return lines.join('\n');
}

export function writeResults(results, { jsonFile, mdFile }) {
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(mdFile, markdown(results));
}

function pct(share) {
  return Math.round(share * 1000) / 10;
}

function fmt(n) {
  return Math.round(n).toLocaleString('en');
}
