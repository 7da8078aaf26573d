#!/usr/bin/env node
// The one test command of the monorepo (`npm test` builds first, then runs this).
//
//   node scripts/run-tests.mjs                 every test file in the repo
//   node scripts/run-tests.mjs <file>...       only those files
//   node scripts/run-tests.mjs --bail <file>   tap flags pass through (write them as --flag=value)
//
// 1. Probes PostgreSQL (DUKAAN_TEST_POSTGRES_URL) and Redis (DUKAAN_TEST_REDIS_URL).
//    An unreachable service turns its test variants off ('off'), or fails the run
//    when DUKAAN_TEST_REQUIRE_SERVICES=1 (CI).
// 2. Runs tap once over every test file, streaming its output unchanged.
// 3. Ends with exactly one line `N passed, N failed`, taken from tap's final summary.
//
// DUKAAN_TEST_TOTAL_TIMEOUT (seconds, default none) bounds the whole tap run.
// DUKAAN_TEST_COVERAGE=1 collects coverage and prints its summary (off by default: slower).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findTestFiles } from './find-test-files.mjs';
import { probeServices } from './probe-services.mjs';
import { parseTapSummary } from './tap-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requireServices = process.env.DUKAAN_TEST_REQUIRE_SERVICES === '1';

function finish(passed, failed, notRun) {
  if (notRun) console.log(notRun);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** Splits a stream into lines for `onLine` while writing every chunk through untouched. */
function tee(stream, sink, onLine) {
  let pending = '';
  stream.on('data', (chunk) => {
    sink.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}

const tapBin = join(root, 'node_modules', 'tap', 'dist', 'esm', 'run.mjs');
// tap's plugins: every default but its TypeScript loader (ts-node), which scripts/ts-loader replaces.
const pluginArgs = ['--plugin=!@tapjs/typescript'];

/**
 * tap computes a run's test-process loaders from the plugin set it was last built with and only
 * rebuilds during that run, so the first run after `npm ci` would still load ts-node in every
 * test process. Build it for our plugin set first, only when the built set differs.
 */
async function ensureTapBuilt(env) {
  // The generated class imports each plugin by name (importing it here instead trips a cycle in tap).
  const built = join(root, 'node_modules', '@tapjs', 'test', 'test-built', 'dist', 'esm', 'index.js');
  if (existsSync(built) && !readFileSync(built, 'utf8').includes('@tapjs/typescript')) return;
  console.log('# building tap without its ts-node plugin (once after an install)');
  const child = spawn(process.execPath, [tapBin, 'build', ...pluginArgs], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)));
  if (code !== 0) throw new Error(`tap build failed (exit ${code})`);
}

function runTap(args, env) {
  if (!existsSync(tapBin)) throw new Error(`tap is not installed (${relative(root, tapBin)}); run npm ci`);
  // Its own process group, so a timeout can stop tap and every test process under it.
  const child = spawn(process.execPath, [tapBin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let summary = null;
  // Top-level failures are test files: named again at the end, where a CI log's tail shows them.
  const failedFiles = [];
  const onLine = (line) => {
    const parsed = parseTapSummary(line);
    if (parsed) summary = parsed;
    const failed = /^not ok \d+ - (\S+)/.exec(line);
    if (failed) failedFiles.push(failed[1]);
  };
  tee(child.stdout, process.stdout, onLine);
  tee(child.stderr, process.stderr, onLine);
  const forward = (signal) => () => killGroup(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));

  const limit = Number(process.env.DUKAAN_TEST_TOTAL_TIMEOUT ?? 0);
  let timedOut = false;
  const timer =
    limit > 0
      ? setTimeout(() => {
          timedOut = true;
          console.error(`# the test run exceeded DUKAAN_TEST_TOTAL_TIMEOUT=${limit}s; stopping tap`);
          killGroup('SIGTERM');
          setTimeout(() => killGroup('SIGKILL'), 5000).unref();
        }, limit * 1000)
      : null;

  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? 1, signal, summary, timedOut, failedFiles });
    });
  });
}

async function main() {
  const probe = await probeServices(process.env, requireServices);
  if (probe.missingRequired.length > 0) {
    for (const reason of probe.missingRequired) console.log(`Required service unavailable: ${reason}`);
    console.log('DUKAAN_TEST_REQUIRE_SERVICES=1: start the services (see README.md, Testing) or unset it to skip their variants.');
    finish(0, 1);
    return;
  }
  const notRun = probe.notRun.length > 0 ? `Variants not run: ${probe.notRun.join(', ')}` : '';
  if (notRun) console.log(notRun);

  const cli = process.argv.slice(2);
  const flags = cli.filter((arg) => arg.startsWith('-'));
  const named = cli.filter((arg) => !arg.startsWith('-'));
  const files = named.length > 0 ? named : findTestFiles(root);
  if (files.length === 0) {
    console.error('No test files found.');
    finish(0, 1, notRun);
    return;
  }

  const tapArgs = [
    // TypeScript through our esbuild hooks (scripts/ts-loader) instead of tap's ts-node, which
    // transpiled each test process's imports from scratch, about 45 % of a CI run's time.
    ...pluginArgs,
    `--node-arg=--import=${pathToFileURL(join(root, 'scripts', 'ts-loader', 'register.mjs')).href}`,
    '--reporter=tap',
    '--timeout=180',
    '--jobs=2',
    // Coverage is opt-in (DUKAAN_TEST_COVERAGE=1): nothing gates on it, and collecting it made
    // the whole run about a fifth slower, which on a slow CI machine is the difference between
    // finishing inside the 29-minute budget and not.
    ...(process.env.DUKAAN_TEST_COVERAGE === '1' ? ['--allow-incomplete-coverage', '--allow-empty-coverage', '--coverage-report=text-summary'] : ['--disable-coverage']),
    ...flags,
    ...files,
  ];
  const env = { ...process.env, ...probe.env };
  await ensureTapBuilt(env);
  const result = await runTap(tapArgs, env);

  if (!result.summary) {
    console.log(`# no tap summary seen (tap exited with ${result.signal ?? `code ${result.code}`}): counting the run as one failure`);
    finish(0, 1, notRun);
    return;
  }
  for (const file of result.failedFiles) console.log(`# failed: ${file}`);
  let failed = result.summary.fail;
  if (failed === 0 && (result.code !== 0 || result.timedOut)) {
    // Every test passed yet tap failed (a timeout, a crash after the summary): still a failed run.
    console.log(`# tap exited with code ${result.code}${result.timedOut ? ' after the total timeout' : ''} although no test failed: counting one failure`);
    failed = 1;
  }
  finish(result.summary.pass, failed, notRun);
}

main().catch((error) => {
  console.error(error);
  finish(0, 1);
});
