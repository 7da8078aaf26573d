// A dukaan-kit webhook receiver in plain Node (no dependencies): what every receiver must do,
// in the order it must do it. See docs/events.md for the events and the signature scheme.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

/** Bodies above this are refused before they are read whole: dukaan-kit's events are a few kB. */
const maxBodyBytes = 1024 * 1024;

/**
 * Checks `Dukaan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` against the
 * raw body bytes. Resolves 'ok', or why not: 'missing', 'malformed', 'stale' (t more than
 * `toleranceSeconds` away from now: a captured delivery replayed later), 'mismatch'.
 */
export function checkSignature(secret, rawBody, header, { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) } = {}) {
  if (typeof header !== 'string' || header === '') return 'missing';
  const pairs = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const t = pairs.find(([key]) => key === 't')?.[1] ?? '';
  // Digits only: Number('1e9') or Number(' 12 ') must not pass for a time.
  if (!/^\d{1,12}$/.test(t)) return 'malformed';
  const signatures = pairs.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/i.test(value)).map(([, value]) => Buffer.from(value, 'hex'));
  if (signatures.length === 0) return 'malformed';
  if (Math.abs(now - Number(t)) > toleranceSeconds) return 'stale';
  // The MAC is over the bytes as they arrived: never over JSON parsed and serialised again.
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  // Constant time, so the answer's timing says nothing about how much of a guess was right.
  return signatures.some((candidate) => timingSafeEqual(candidate, expected)) ? 'ok' : 'mismatch';
}

/**
 * The event ids already handled, so a redelivery (delivery is at least once) is acknowledged but
 * not acted on twice. In memory and bounded, for the example: a real receiver keeps them in its
 * database, in the same transaction as the work the event causes.
 */
export function seenIds(limit = 10_000) {
  // id -> 'working' while a copy is being processed, 'done' once it was.
  const ids = new Map();
  return {
    /** 'new' (the caller now works on it), 'working' (another copy is being processed) or 'done'. */
    claim(id) {
      const state = ids.get(id);
      if (state) return state;
      ids.set(id, 'working');
      if (ids.size > limit) ids.delete(ids.keys().next().value);
      return 'new';
    },
    /** The event was processed: later copies are acknowledged without processing. */
    done(id) {
      ids.set(id, 'done');
    },
    /** Drops the id again: its event failed, and the retry must be processed. */
    forget(id) {
      ids.delete(id);
    },
  };
}

/** What the log may say about an event: its type, id and order number or product id; never a name, phone or address. */
export function describeEvent(event) {
  const data = event && typeof event.data === 'object' && event.data !== null ? event.data : {};
  const order = typeof data.order === 'object' && data.order !== null ? data.order : null;
  const product = typeof data.product === 'object' && data.product !== null ? data.product : null;
  return {
    id: String(event?.id ?? ''),
    type: String(event?.type ?? ''),
    ...(order ? { order: order.number, status: order.status } : {}),
    ...(product ? { product: product.id, stock: product.stock } : {}),
  };
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        // Stop reading; the answer closes the connection, so the rest is never taken in.
        request.removeAllListeners('data');
        request.pause();
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', ...(status === 413 ? { connection: 'close' } : {}) });
  response.end(JSON.stringify(body));
}

/**
 * An http.Server that takes POST `path`: verifies the signature on the raw body, refuses stale
 * timestamps, drops duplicates by `Dukaan-Event-Id`, then calls `onEvent(event)` once per event.
 * Answers 2xx only for an event it accepted (or already had): any other answer makes dukaan-kit
 * retry, so answer quickly and do slow work after answering.
 */
export function createReceiver({ secret, path = '/webhooks/dukaan', toleranceSeconds = 300, onEvent = () => {}, log = (line) => console.log(JSON.stringify(line)), clock = () => Math.floor(Date.now() / 1000) }) {
  if (typeof secret !== 'string' || secret === '') throw new TypeError('the webhook secret is required (WEBHOOK_SECRET)');
  const seen = seenIds();
  return http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://receiver.invalid');
    if (url.pathname !== path) return answer(response, 404, { error: 'not found' });
    if (request.method !== 'POST') return answer(response, 405, { error: 'POST only' });
    let raw;
    try {
      raw = await readBody(request);
    } catch (error) {
      return answer(response, error.status ?? 400, { error: error.message });
    }
    const verdict = checkSignature(secret, raw, request.headers['dukaan-signature'], { toleranceSeconds, now: clock() });
    if (verdict !== 'ok') {
      log({ rejected: verdict });
      return answer(response, 401, { error: `signature ${verdict}` });
    }
    let event;
    try {
      event = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(response, 400, { error: 'the body is not JSON' });
    }
    // The header and the body carry the same id; the body's is signed, so it is the one trusted.
    const id = typeof event?.id === 'string' ? event.id : '';
    if (id === '') return answer(response, 400, { error: 'the event has no id' });
    const state = seen.claim(id);
    if (state === 'done') {
      log({ duplicate: id });
      return answer(response, 200, { received: true, duplicate: true });
    }
    if (state === 'working') {
      // A copy arriving while the first is still being processed is not acknowledged: if the
      // first fails, this one's retry must still be processed.
      log({ duplicate: id, inProgress: true });
      return answer(response, 409, { error: 'this event is being processed; try again later' });
    }
    log({ received: describeEvent(event) });
    try {
      await onEvent(event);
    } catch (error) {
      // Not handled: forget the id so the retry is processed, and answer 500 so dukaan-kit retries.
      seen.forget(id);
      log({ failed: id, error: String(error?.message ?? error) });
      return answer(response, 500, { error: 'not processed' });
    }
    seen.done(id);
    return answer(response, 200, { received: true });
  });
}
