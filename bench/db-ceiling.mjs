// Scenario db-ceiling: the checkout's own SQL replayed on PostgreSQL without the app, at the
// same concurrency as (d): the database's limit for checkouts of one store, as transactions/s.
//
// The statements are not written by hand. The bench places a few real orders through the core
// (the same code as the app, the bench's own knex) and records what knex sends to PostgreSQL for
// each, from its 'query' events (the SQL in pg's $n form and the bindings exactly as the driver
// gets them). Everything between the checkout's BEGIN and COMMIT is kept; what the checkout sends
// outside its transaction (the store's slug, cached in the app) is not. Each replayed transaction
// takes one recorded checkout in turn (the request bodies are (d)'s, so the same products and
// variants are hit in the same mix) and gives it fresh values where the database demands them:
// every UUID the checkout made (order, coupon use, outbox event), the order's token and its
// idempotency key, also inside JSON texts (the order.placed event's text comes in two bindings,
// cut where the statement joins in the order number: each half is rewritten the same way). The
// order number comes from the store's sequence as in the app; stock is taken, the coupon's use
// written (a coupon that limits nothing: with the order, its row untouched) and the outbox event
// written, and every transaction commits with synchronous_commit on. The orders it writes land in the bench store,
// so run.mjs runs this scenario after (d)'s audit and (g)'s stock check.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { checkoutTracker } from './checkout.mjs';
import { openCore, shop } from './seed.mjs';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let lastMs = 0;
let sequence = 0;

/** A UUIDv7 as the core makes them (time-ordered), so index inserts land where the app's do. */
function uuidv7() {
  const now = Date.now();
  if (now <= lastMs) sequence = (sequence + 1) & 0xfff;
  else (lastMs = now), (sequence = 0);
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids that existed before the captured checkouts: a UUID among the bindings that is not one of them was made by the checkout. */
async function knownIds(knex) {
  const ids = new Set();
  for (const table of ['vendors', 'stores', 'categories', 'products', 'product_variants', 'coupons', 'orders']) {
    for (const row of await knex(table).select('id')) ids.add(String(row.id));
  }
  return ids;
}

/** The statements of the one transaction among `events` (BEGIN … COMMIT on one connection). */
function transactionOf(events) {
  const begin = events.findIndex((e) => /^begin;?$/i.test(e.sql.trim()));
  if (begin < 0) throw new Error('db-ceiling: the captured checkout has no BEGIN');
  const uid = events[begin].uid;
  const statements = [];
  for (const event of events.slice(begin + 1)) {
    if (event.uid !== uid) continue;
    if (/^commit;?$/i.test(event.sql.trim())) return statements;
    if (/^rollback/i.test(event.sql.trim())) throw new Error('db-ceiling: the captured checkout rolled back');
    statements.push(event);
  }
  throw new Error('db-ceiling: the captured checkout has no COMMIT');
}

/** One recorded checkout as a template: its statements, and which bindings must be fresh in each replay. */
function template(statements, fresh) {
  const pattern = new RegExp([...fresh.keys()].map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return {
    statements: statements.map(({ sql, bindings }) => ({
      sql,
      bindings,
      // Indexes of the bindings holding a fresh value, whole or inside a longer text (JSON).
      slots: bindings.flatMap((value, index) => (typeof value === 'string' && [...fresh.keys()].some((v) => value.includes(v)) ? [index] : [])),
    })),
    /** The bindings of replay `n`: each fresh value replaced by a new one of its kind. */
    bind(n, runId) {
      const values = new Map([...fresh].map(([old, kind]) => [old, kind === 'uuid' ? uuidv7() : kind === 'key' ? `ceiling-${runId}-${n}` : randomBytes(Math.ceil((old.length * 3) / 4)).toString('base64url').slice(0, old.length)]));
      return this.statements.map(({ sql, bindings, slots }) => {
        if (slots.length === 0) return { sql, bindings };
        const copy = [...bindings];
        for (const index of slots) copy[index] = copy[index].replace(pattern, (match) => values.get(match));
        return { sql, bindings: copy };
      });
    },
  };
}

/**
 * Places `count` orders through the core with (d)'s request bodies and records each checkout's
 * transaction. Returns the templates and what was captured, for the report.
 */
export async function captureCheckouts(databaseUrl, seeded, { count = seeded.products.length } = {}) {
  const core = await openCore(databaseUrl);
  const events = [];
  const listener = (q) => events.push({ uid: q.__knexUid, sql: q.sql, bindings: q.bindings ?? [] });
  try {
    const known = await knownIds(core.knex);
    core.knex.on('query', listener);
    const tracker = checkoutTracker(seeded.products, `capture${randomBytes(3).toString('hex')}`);
    const request = tracker.requests()[0];
    const templates = [];
    let outside = [];
    for (let i = 0; i < count; i++) {
      const built = request.setupRequest({ method: 'POST', path: request.path, headers: { ...request.headers } }, {});
      const key = built.headers['idempotency-key'];
      events.length = 0;
      const { order, created } = await core.orders.place(shop.slug, JSON.parse(built.body), { idempotencyKey: key });
      if (!created) throw new Error(`db-ceiling: capture ${i} placed no order`);
      const statements = transactionOf(events);
      if (i === 0) outside = events.filter((e) => !statements.includes(e) && !/^(begin|commit);?$/i.test(e.sql.trim())).map((e) => e.sql);
      const fresh = new Map([[order.token, 'token'], [key, 'key']]);
      for (const { bindings } of statements) {
        for (const value of bindings) if (typeof value === 'string' && uuidShape.test(value) && !known.has(value)) fresh.set(value, 'uuid');
      }
      if (!fresh.has(order.id)) throw new Error('db-ceiling: the order id is not among the captured bindings');
      templates.push(template(statements, fresh));
    }
    return {
      templates,
      statements: templates[0].statements.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 160)),
      outsideTransaction: outside.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160)),
    };
  } finally {
    core.knex.off('query', listener);
    await core.close();
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}

/**
 * Replays the templates over `connections` node-pg connections, each running one checkout
 * transaction after another (BEGIN, the statements, COMMIT), for a warm-up and then the measured
 * duration. `skip` (a RegExp) leaves statements out, for what-if runs.
 */
export async function replayCheckouts(databaseUrl, templates, { connections, warmupSeconds, durationSeconds, skip = null }) {
  const runId = randomBytes(4).toString('hex');
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  let next = 0;
  let phase = 'warmup';
  const measured = { committed: 0, errors: 0, latencies: [], firstError: null };
  const warm = { committed: 0, errors: 0 };
  const worker = async (client) => {
    while (phase !== 'done') {
      const n = next++;
      const statements = templates[n % templates.length].bind(n, runId);
      const started = performance.now();
      const counting = phase;
      try {
        await client.query('BEGIN');
        for (const { sql, bindings } of statements) {
          if (skip && skip.test(sql)) continue;
          await client.query(sql, bindings);
        }
        await client.query('COMMIT');
        if (counting === 'measure' && phase === 'measure') {
          measured.committed++;
          measured.latencies.push(performance.now() - started);
        } else if (counting === 'warmup') warm.committed++;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (counting === 'measure') {
          measured.errors++;
          measured.firstError ??= String(error?.message ?? error);
        } else warm.errors++;
      }
    }
  };
  const running = clients.map(worker);
  await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
  phase = 'measure';
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, durationSeconds * 1000));
  phase = 'done';
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(running);
  await Promise.all(clients.map((client) => client.end()));
  const sorted = measured.latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round((measured.committed / seconds) * 10) / 10,
    completed: measured.committed,
    durationSeconds: Math.round(seconds * 10) / 10,
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    errors: measured.errors,
    firstError: measured.firstError,
    warmup: warm,
    connections,
  };
}

/** Settings of the database that decide a commit's cost, for the report. */
export async function commitSettings(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const names = ['synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'max_connections'];
    const { rows } = await client.query('SELECT name, setting FROM pg_settings WHERE name = ANY($1)', [names]);
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end();
  }
}
