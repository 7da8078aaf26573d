import { PassThrough } from 'node:stream';
import type { Request, ResponseToolkit, Server, ServerRoute } from '@hapi/hapi';
import type { LiveOrderEvent } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

/** How long a browser waits before reconnecting after the stream drops (EventSource's `retry:`), ms. */
export const liveRetryMs = 3000;
/** Bytes a stream may hold for a client that does not read (events are ~300 bytes): past it, the stream ends. */
const maxBacklogBytes = 256 * 1024;
/** How long a new stream waits for the bus subscription before it answers anyway (events may then be missed), ms. */
const liveWaitMs = 2000;

/** One Server-Sent Events message; JSON never holds a raw line break, so `data` is one line. */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The Authorization header's bearer token, if the request came with one. */
function bearerOf(request: Request): string | null {
  const header = request.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Whether the credential the stream was opened with still stands (a session logged out or
 * ended from another device, a revoked token): asked on each heartbeat, so a revoked one is
 * cut off within one interval. A failure to tell counts as revoked (the browser reconnects).
 */
async function stillSignedIn(runtime: Runtime, request: Request, storeId: string): Promise<boolean> {
  const { auth } = runtime.dukaan;
  try {
    if (request.auth.strategy === 'dukaan-token') {
      const token = bearerOf(request);
      return token !== null && (await auth.resolveApiToken(token))?.storeId === storeId;
    }
    const token = (request.auth.artifacts as { token?: unknown }).token;
    return typeof token === 'string' && (await auth.resolveSession(token))?.storeId === storeId;
  } catch {
    return false;
  }
}

/** Resolves when `ready` does or after `ms`, whichever is first. */
function within(ready: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

/** The streams open on this server, so a stopping server can end them instead of waiting for its timeout. */
type Streams = Set<() => void>;

/**
 * Opens the vendor's live stream: subscribes first (a refusal past the bounds is a plain 429),
 * waits until other instances' events reach this one, then answers `retry:`, a `hello` with
 * the pending count, an `order` per event and a comment every heartbeat.
 */
async function openStream(runtime: Runtime, streams: Streams, request: Request, h: ResponseToolkit) {
  const { dukaan } = runtime;
  const { storeId } = principalOf(request);
  const body = new PassThrough();
  const write = (chunk: string) => {
    if (body.writableEnded || body.destroyed) return;
    // A client that stops reading must not make the server hold its events without end.
    if (body.writableLength > maxBacklogBytes) return void body.destroy();
    body.write(chunk);
  };
  const hello = async () => write(sseMessage('hello', { pending: (await dukaan.orders.summary(storeId, new Date())).pending }));
  let markLive: () => void = () => {};
  const live = new Promise<void>((resolve) => (markLive = resolve));
  let missed = false;
  let started = false;
  const unsubscribe = dukaan.live.subscribe(
    storeId,
    (event: LiveOrderEvent) => write(sseMessage('order', event)),
    (isLive) => {
      if (!isLive) {
        missed = true;
        return;
      }
      markLive();
      // Delivery came back after a gap: a fresh count puts the page right about what it missed.
      if (missed && started) void hello().catch(() => undefined);
      missed = false;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    unsubscribe();
    streams.delete(close);
    if (!body.destroyed) body.end();
  };
  // The browser went away (tab closed, network gone), even while we wait: nothing of the stream stays behind.
  request.raw.res.once('close', close);
  body.once('close', close);
  try {
    await within(live, liveWaitMs);
    write(`retry: ${liveRetryMs}\n\n`);
    await hello();
    started = true;
  } catch (error) {
    close();
    throw error;
  }
  if (!closed) streams.add(close);
  const beat = async () => {
    if (closed) return;
    if (!(await stillSignedIn(runtime, request, storeId))) return close();
    write(': heartbeat\n\n');
    if (!closed) timer = setTimeout(beat, dukaan.live.heartbeatMs);
  };
  if (!closed) timer = setTimeout(beat, dukaan.live.heartbeatMs);
  // hapi gzips a compressible type when the client accepts it, and a gzip stream holds events
  // back until a block fills; hapi itself tests for 'identity' to skip compression.
  request.info.acceptEncoding = 'identity';
  return h
    .response(body)
    .type('text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no');
}

/** `GET /api/v1/orders/live`; every open stream ends when the server stops (else stop would wait out its timeout). */
export function liveRoutes(runtime: Runtime, server: Server): ServerRoute[] {
  const streams: Streams = new Set();
  server.ext('onPreStop', () => {
    for (const close of [...streams]) close();
  });
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/orders/live',
      description:
        'The store\'s orders as they happen, as Server-Sent Events (text/event-stream): `retry:`, then `event: hello` with `{pending}`, then `event: order` for each order placed or moved (`{type: "order.placed" | "order.status_changed", orderId, number, status, customerName, total, currency, createdAt, pending}`), from any instance; a comment every ~20 s, after which a revoked session or token ends the stream. At most 5 streams per store and 500 per server',
      auth: true,
      private: true,
      responses: {
        ok: { 200: { description: 'The event stream (never compressed or buffered)', body: null, file: 'text/event-stream' } },
        errors: { 429: 'RATE_LIMITED: too many live streams are open for this store or on this server' },
      },
      handler: (request, h) => openStream(runtime, streams, request, h),
    }),
  ];
}
