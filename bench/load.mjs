// One scenario's load: a warm-up, then the measured run, with the target's RSS sampled throughout.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { sampleRss } from './app-process.mjs';

/** utime + stime of a process in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export const defaults = { connections: 32, warmupSeconds: 2, durationSeconds: 10 };

/**
 * Runs autocannon against `url` + `request.path` for a warm-up and then the measured duration.
 * `request` is `{ path, method?, headers?, body? }` or `{ requests: () => [...] }` (a factory,
 * because autocannon mutates the request objects it is given). `overallRate` caps the requests
 * per second across all connections (a steady stream instead of as fast as possible).
 * Returns the measured numbers.
 */
export async function runLoad({ url, pid, request, connections = defaults.connections, warmupSeconds = defaults.warmupSeconds, durationSeconds = defaults.durationSeconds, overallRate = null }) {
  const rss = sampleRss(pid);
  const options = (duration) => ({
    url: `${url}${request.path ?? '/'}`,
    connections,
    duration,
    timeout: 10,
    ...(overallRate ? { overallRate } : {}),
    ...(request.method ? { method: request.method } : {}),
    ...(request.headers ? { headers: request.headers } : {}),
    ...(request.body ? { body: request.body } : {}),
    ...(request.requests ? { requests: request.requests() } : {}),
  });
  const warmup = warmupSeconds > 0 ? await autocannon(options(warmupSeconds)) : null;
  // The app's own CPU over the measured window: per request it is steadier than req/s on a shared machine.
  const cpuBefore = cpuMs(pid);
  const result = await autocannon(options(durationSeconds));
  const cpuAfter = cpuMs(pid);
  const peakRssMb = rss.stop();
  const appCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    requestsPerSecond: round(result.requests.average, 1),
    completed: answeredCount(result),
    durationSeconds: result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: round(result.latency.average, 2) },
    errors: result.errors + result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])),
    warmup: warmup ? { completed: answeredCount(warmup), errors: warmup.errors + warmup.non2xx, statusCodes: Object.fromEntries(Object.entries(warmup.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])) } : null,
    throughputMBps: round(result.throughput.average / 1048576, 2),
    peakRssMb: round(peakRssMb, 1),
    appCpuMs,
    appCpuMsPerRequest: appCpuMs === null || !(result.requests.total > 0) ? null : round(appCpuMs / result.requests.total, 2),
  };
}

/**
 * How many requests got an answer. autocannon 9's result has no `totalCompletedRequests` (that
 * is the per-worker field its aggregateResult sums); the sum is `requests.total`.
 */
export function answeredCount(result) {
  return result.requests.total;
}

export function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
