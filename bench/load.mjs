// One scenario's load: a warm-up, then the measured run, with the target's RSS sampled throughout.
import autocannon from 'autocannon';
import { sampleRss } from './app-process.mjs';

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
  const result = await autocannon(options(durationSeconds));
  const peakRssMb = rss.stop();
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
