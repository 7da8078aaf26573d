#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function (name + file:line)
// and per package, as a share of all samples and of the non-idle ones.
// Usage: node bench/top-functions.mjs bench/profiles/<scenario>.cpuprofile [count] [--callers writev]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Self time (ms) per function and per package of a parsed .cpuprofile. */
export function summarize(profile, { top = 10 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // Sample i lasts until sample i+1 (Chrome DevTools' convention); the last one gets the mean.
  const mean = timeDeltas.length ? timeDeltas.reduce((a, b) => a + b, 0) / timeDeltas.length : 0;
  for (let i = 0; i < samples.length; i++) {
    const duration = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : mean;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, duration));
  }
  const functions = new Map();
  const packages = new Map();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    totalUs += us;
    if (callFrame.functionName === '(idle)') idleUs += us;
    const key = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const pkg = packageOf(callFrame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), pctOfTotal: pct(us, totalUs), pctOfBusy: name.startsWith('(idle)') ? null : pct(us, busyUs) }));
  return { totalMs: Math.round(totalUs / 1000), busyMs: Math.round(busyUs / 1000), idlePct: pct(idleUs, totalUs), functions: rows(functions), packages: rows(packages) };
}

/**
 * Who is behind a hot function: its self time attributed to the nearest caller outside node's
 * core (the package that asked for it), e.g. `writev` split into pg, @redis/client, @hapi/hapi.
 */
export function callersOf(profile, functionName, { top = 10 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, timeDeltas[i + 1] ?? 0));
  const callers = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    if ((byId.get(id).callFrame.functionName || '(anonymous)') !== functionName) continue;
    totalUs += us;
    let at = parent.get(id);
    let owner = '(no caller outside node core)';
    while (at !== undefined) {
      const { callFrame } = byId.get(at);
      if (callFrame.url && !callFrame.url.startsWith('node:')) {
        owner = packageOf(callFrame);
        break;
      }
      at = parent.get(at);
    }
    callers.set(owner, (callers.get(owner) ?? 0) + us);
  }
  return [...callers]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), pct: pct(us, totalUs) }));
}

/** The summary as text, for the console and bench/profiles/<name>.top.txt. */
export function formatSummary(name, summary) {
  const lines = [`${name}: ${summary.totalMs} ms sampled, ${summary.busyMs} ms busy (idle ${summary.idlePct}%)`, '  self time by function (% of busy):'];
  for (const row of summary.functions) lines.push(`    ${String(row.pctOfBusy ?? '-').padStart(5)}%  ${String(row.selfMs).padStart(6)} ms  ${row.name}`);
  lines.push('  self time by package (% of busy):');
  for (const row of summary.packages) lines.push(`    ${String(row.pctOfBusy ?? '-').padStart(5)}%  ${String(row.selfMs).padStart(6)} ms  ${row.name}`);
  return lines.join('\n');
}

function pct(part, whole) {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function shortUrl(url) {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  const packages = path.indexOf('/packages/');
  if (packages >= 0) return path.slice(packages + 1);
  const examples = path.indexOf('/examples/');
  if (examples >= 0) return path.slice(examples + 1);
  return path;
}

function packageOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return 'node: core modules';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const own = /\/(packages|examples)\/([^/]+)\//.exec(path);
  if (own) return `${own[1]}/${own[2]}`;
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const callersAt = args.indexOf('--callers');
  const callersName = callersAt >= 0 ? args.splice(callersAt, 2)[1] : null;
  const [file, count] = args;
  if (!file) {
    console.error('usage: node bench/top-functions.mjs <file.cpuprofile> [count] [--callers <function name>]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  console.log(formatSummary(file, summarize(profile, { top: Number(count ?? 10) })));
  if (callersName) {
    console.log(`  ${callersName}: self time by the package that called it:`);
    for (const row of callersOf(profile, callersName, { top: Number(count ?? 10) })) console.log(`    ${String(row.pct).padStart(5)}%  ${String(row.selfMs).padStart(6)} ms  ${row.name}`);
  }
}
