// BENCH_SCALE=1 node bench/run.mjs: cost curves as stores grow (issue 15, goal 4).
//   products: the store page (cached, and a first visit) and the store API at 50 / 500 / 5,000 products
//   orders:   the order list and the order search (by name, phone, number) at 10,000 / 100,000 / 1,000,000 orders, with PostgreSQL's plans
//   stores:   10,000 stores of 100 products (1,000,000 in all): RSS as stores get cached, first-visit latency
// Volumes are seeded with bulk SQL: one template row written by the core itself, copied with
// INSERT … SELECT generate_series. Copying the adapter's own row (every column, read from the
// catalog at run time) keeps the copies shaped exactly like what the adapter writes, including
// columns a later migration adds; a sample of the copies is then read back through the core.
// Environment (all optional):
//   BENCH_SCALE_MAX      largest order count and largest total product count of the many-stores curve (1000000)
//   BENCH_SCALE_ONLY     comma-separated curves: products,orders,stores (all)
//   BENCH_SCALE_STORES   stores in the many-stores curve (10000; fewer when BENCH_SCALE_MAX / 100 is smaller)
//   BENCH_DURATION / BENCH_WARMUP / BENCH_CONNECTIONS   per point (5 / 1 / 32)
//   BENCH_PHOTOS=0       the catalogue template without photos (faster)
import { join } from 'node:path';
import { startApp } from './app-process.mjs';
import { runLoad } from './load.mjs';
import { analyze, answered, apiToken, appEnv, envNumber, logger, machine, mdTable, openServices, percentiles, round, withClient, writeModeResults } from './mode-kit.mjs';
import { checkoutSettings, openCore, weights } from './seed.mjs';
import { lineChart } from './svg-chart.mjs';

const productSteps = [50, 500, 5000];
const orderSteps = [10_000, 100_000, 1_000_000];
const productsPerStore = 100;
const password = 'bench-password-1';
/** A first name and a surname from these: each pair is about 1 order in 256, a realistic "common name" search. */
const firstNames = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Meera', 'Arjun', 'Kavya', 'Rahul', 'Sneha', 'Karthik', 'Divya', 'Imran', 'Fatima', 'Suresh', 'Lakshmi'];
const surnames = ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Khan', 'Patel', 'Rao', 'Menon', 'Singh', 'Das', 'Joshi', 'Pillai', 'Bose', 'Kulkarni', 'Verma'];

export async function run() {
  const log = logger('scale');
  const max = envNumber('BENCH_SCALE_MAX', 1_000_000);
  const only = (process.env.BENCH_SCALE_ONLY ?? 'products,orders,stores').split(',').map((s) => s.trim()).filter(Boolean);
  const load = { connections: envNumber('BENCH_CONNECTIONS', 32), warmupSeconds: envNumber('BENCH_WARMUP', 1), durationSeconds: envNumber('BENCH_DURATION', 5) };
  const storeCount = Math.max(1, Math.min(envNumber('BENCH_SCALE_STORES', 10_000), Math.floor(max / productsPerStore)));
  const results = {
    mode: 'scale',
    machine: machine(),
    settings: { max, only, ...load, storeCount, productsPerStore, photos: process.env.BENCH_PHOTOS !== '0' },
    curves: {},
    skipped: [],
    checks: [],
    pass: false,
  };
  const t0 = Date.now();
  const services = await openServices({ log });
  const apps = new Set();
  const start = async (name, extra = {}) => {
    const app = await startApp({ env: appEnv(services, extra), logFile: join(services.work, `app-${name}.log`) });
    apps.add(app);
    log(`app ${name} on ${app.url}, pid ${app.pid}, RSS ${app.rssMb()?.toFixed(0)} MB`);
    return app;
  };
  const stop = async (app) => {
    apps.delete(app);
    await app.stop();
  };
  let failure = null;
  try {
    await withClient(services.db.url, createHelpers);
    const core = await openCore(services.db.url, join(services.work, 'media'));
    let catalogue = null;
    let orders = null;
    try {
      if (only.includes('products')) catalogue = await seedCatalogueStores(core, services.db.url, log);
      if (only.includes('orders')) orders = await seedOrdersTemplate(core, services.db.url);
    } finally {
      await core.close();
    }
    await analyze(services.db.url);

    // Each curve on its own: one that fails keeps its points so far and the next still runs.
    const curve = async (name, fn) => {
      results.curves[name] = [];
      try {
        await fn(results.curves[name]);
      } catch (error) {
        failure ??= error;
        results.curveErrors = { ...results.curveErrors, [name]: String(error?.message ?? error) };
        console.error(error);
      }
    };
    if (catalogue) await curve('products', (points) => productsCurve({ points, catalogue, start, stop, load, log }));
    if (orders) {
      const steps = orderSteps.filter((n) => n <= max);
      results.skipped.push(...orderSteps.filter((n) => n > max).map((n) => `orders at ${n.toLocaleString('en')} (BENCH_SCALE_MAX=${max})`));
      await curve('orders', (points) => ordersCurve({ points, orders, steps, start, stop, load, log, services }));
    }
    if (only.includes('stores')) {
      if (storeCount < 10_000) results.skipped.push(`stores: ${storeCount.toLocaleString('en')} instead of 10,000 (BENCH_SCALE_MAX=${max} or BENCH_SCALE_STORES)`);
      await curve('stores', async (out) => {
        results.curves.stores = await storesCurve({ storeCount, start, stop, log, services });
      });
    }
  } catch (error) {
    failure = error;
    console.error(error);
  } finally {
    for (const app of apps) await app.stop().catch(() => {});
    await services.close();
  }
  results.wallSeconds = Math.round((Date.now() - t0) / 1000);
  results.checks = judge(results);
  if (failure) results.error = String(failure?.stack ?? failure);
  results.pass = !failure && results.checks.filter((c) => c.kind === 'gate').every((c) => c.pass);
  const { text, charts } = report(results);
  writeModeResults('scale', results, text, charts);
  console.log(`\n${text}`);
  log(`results in bench/results/scale.{json,md} and ${Object.keys(charts).join(', ')}; app logs in ${services.work}`);
  return results.pass ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Bulk copies of template rows

/** UUIDv7 text from a millisecond instant and a seed (the random bits), and instants as the adapter writes them. */
async function createHelpers(client) {
  await client.query(`
    CREATE OR REPLACE FUNCTION bench_uuid7(ms bigint, seed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-' || substr(r, 7, 12)
      FROM (SELECT lpad(to_hex(ms), 12, '0') AS h, md5(seed) AS r) x
    $$`);
  await client.query(`
    CREATE OR REPLACE FUNCTION bench_instant(ms bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT to_char(to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    $$`);
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** The columns an INSERT names: every column but serial ones (their default numbers the copy). */
async function insertableColumns(client, table) {
  const { rows } = await client.query(
    "SELECT column_name, column_default, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  if (rows.length === 0) throw new Error(`no table ${table}`);
  return rows.filter((r) => !String(r.column_default ?? '').startsWith('nextval(') && r.is_identity !== 'YES').map((r) => r.column_name);
}

/**
 * INSERT INTO table SELECT (each column of the template row `t`, or its override) FROM table t,
 * <series> WHERE <where>: one copy of every matching row per element of the series. Overrides
 * are SQL over `t.*` and the series' columns; a column they name must exist.
 */
async function copyRows(client, { table, where, params = [], series, overrides }) {
  const columns = await insertableColumns(client, table);
  for (const column of Object.keys(overrides)) if (!columns.includes(column)) throw new Error(`${table}.${column}: no such column`);
  const select = columns.map((c) => overrides[c] ?? `t.${quote(c)}`);
  const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT ${select.join(', ')} FROM ${quote(table)} t, ${series} WHERE ${where}`;
  return (await client.query(sql, params)).rowCount;
}

const hasColumn = async (client, table, column) =>
  (await client.query('SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2', [table, column])).rowCount > 0;

// ---------------------------------------------------------------------------
// Curve 1: one store at 50 / 500 / 5,000 products

/**
 * A store per step, each with the bench store's settings, five categories and one template
 * product written by the core (3 variants by weight, 4 photos unless BENCH_PHOTOS=0), copied
 * to the step's size.
 */
async function seedCatalogueStores(core, dbUrl, log) {
  const stores = [];
  for (const size of productSteps) {
    const slug = `scale-${size}`;
    const started = Date.now();
    const { store } = await core.vendors.signUp({ email: `${slug}@bench.local`, password, storeName: `Scale ${size}`, slug, phone: '9876543210' });
    await core.stores.update(store.id, { description: `A store of ${size} products.`, deliveryFee: 4000, freeDeliveryAbove: 99900, ...checkoutSettings });
    const categories = [];
    for (const name of ['Tea', 'Spices', 'Snacks', 'Accessories', 'Gifts']) categories.push((await core.catalog.createCategory(store.id, { name })).id);
    const template = await core.catalog.createProduct(store.id, {
      name: 'Masala chai — small-batch',
      description: 'Small-batch, packed fresh, delivered across Bengaluru. <b>Escaped</b> & "quoted".',
      options: [{ name: 'Weight', values: weights.map((w) => w.value) }],
      variants: weights.map((w, k) => ({ options: { Weight: w.value }, price: Math.round(4900 * w.factor), compareAtPrice: null, stock: 1_000_000, sku: `SC-${k + 1}` })),
      categoryId: categories[0],
      taxRate: 12,
      hsnCode: '0902',
    });
    if (process.env.BENCH_PHOTOS !== '0') await core.catalog.addProductImages(store.id, template.id, await photos(4));
    await withClient(dbUrl, (client) => copyProducts(client, { storeId: store.id, productId: template.id, copies: size - 1, categories }));
    const { view } = await core.storefront.view(slug);
    const variants = view.products.reduce((n, p) => n + (p.variants?.length ?? 0), 0);
    if (view.products.length !== size || variants !== size * 3) throw new Error(`${slug}: the core reads ${view.products.length} products and ${variants} variants, expected ${size} and ${size * 3}`);
    log(`seeded /${slug}: ${size} products (${size * 3} variants), read back through the core, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    stores.push({ size, slug, storeId: store.id });
  }
  return stores;
}

async function photos(count) {
  const { default: sharp } = await import('sharp');
  return Promise.all(
    Array.from({ length: count }, (_, n) =>
      sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: (n * 60) % 256, g: 120, b: 80 } } }).jpeg({ quality: 85 }).toBuffer(),
    ),
  );
}

/** `copies` copies of one product (its row, variants and slug), spread over `categories`. */
async function copyProducts(client, { storeId, productId, copies, categories }) {
  if (copies <= 0) return;
  const series = `generate_series(1, ${copies}) AS g(i)`;
  // Copies are made one millisecond apart, just after the template: ids sort like positions.
  // From JS, not now(): the three statements must compute the same product ids.
  const ms = `(${Date.now()}::bigint + g.i)`;
  const productId_ = `bench_uuid7(${ms}, 'p' || $2 || g.i)`;
  const at = `bench_instant(${ms})`;
  await copyRows(client, {
    table: 'products',
    where: 't.id = $1',
    params: [productId, storeId, categories],
    series,
    overrides: {
      id: productId_,
      name: `t.name || ' ' || g.i`,
      slug: `t.slug || '-' || g.i`,
      position: 't.position + g.i',
      category_id: `($3::text[])[1 + g.i % cardinality($3::text[])]`,
      created_at: at,
      updated_at: at,
    },
  });
  await copyRows(client, {
    table: 'product_variants',
    where: 't.product_id = $1',
    params: [productId, storeId],
    series,
    overrides: {
      // A product without options has one variant with the product's own id.
      id: `CASE WHEN t.id = t.product_id THEN ${productId_} ELSE bench_uuid7(${ms}, 'v' || $2 || g.i || '-' || t.position) END`,
      product_id: productId_,
      sku: `CASE WHEN t.sku IS NULL THEN NULL ELSE t.sku || '-' || g.i END`,
      price: 't.price + (g.i % 40) * 100',
      compare_at_price: 'CASE WHEN t.compare_at_price IS NULL THEN NULL ELSE t.compare_at_price + (g.i % 40) * 100 END',
      created_at: at,
      updated_at: at,
    },
  });
  await copyRows(client, {
    table: 'product_slugs',
    where: 't.product_id = $1',
    params: [productId, storeId],
    series,
    overrides: { slug: `t.slug || '-' || g.i`, product_id: productId_ },
  });
}

async function productsCurve({ points, catalogue, start, stop, load, log }) {
  points.push(...catalogue.map((s) => ({ size: s.size, slug: s.slug })));
  // A first visit renders from the database: with the cache off every request is one.
  const cold = await start('cache-off', { CACHE: 'off' });
  try {
    for (const point of points) {
      const measured = await runLoad({ url: cold.url, pid: cold.pid, request: { path: `/${point.slug}` }, connections: 1, warmupSeconds: 0, durationSeconds: load.durationSeconds });
      point.firstVisit = summary(measured);
      log(`products ${point.size}: first visit (cache off, 1 connection) p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms, ${answered(measured)} requests, ${measured.errors} errors`);
    }
  } finally {
    await stop(cold);
  }
  const app = await start('memory');
  try {
    for (const point of points) {
      const first = Date.now();
      const response = await fetch(`${app.url}/${point.slug}`);
      const body = Buffer.from(await response.arrayBuffer());
      point.firstRequestMs = Date.now() - first;
      point.pageBytes = body.length;
      if (response.status !== 200) throw new Error(`/${point.slug} answered ${response.status}`);
      const api = await fetch(`${app.url}/api/v1/stores/${point.slug}`);
      const apiBody = Buffer.from(await api.arrayBuffer());
      point.apiBytes = apiBody.length;
      if (api.status !== 200) throw new Error(`/api/v1/stores/${point.slug} answered ${api.status}`);
      point.apiProducts = JSON.parse(apiBody.toString()).products?.length ?? null;
      point.page = summary(await runLoad({ url: app.url, pid: app.pid, request: { path: `/${point.slug}` }, ...load }));
      point.api = summary(await runLoad({ url: app.url, pid: app.pid, request: { path: `/api/v1/stores/${point.slug}` }, ...load }));
      log(`products ${point.size}: page ${point.page.requestsPerSecond} req/s p99 ${point.page.p99} ms (${point.pageBytes} bytes); API ${point.api.requestsPerSecond} req/s p99 ${point.api.p99} ms (${point.apiBytes} bytes)`);
    }
  } finally {
    await stop(app);
  }
  return points;
}

function summary(measured) {
  const completed = answered(measured);
  return {
    requestsPerSecond: measured.requestsPerSecond,
    completed,
    // Nothing answered within the run: every request still waited (autocannon counts a timeout only after 10 s).
    unanswered: completed === 0,
    p50: measured.latencyMs.p50,
    p99: measured.latencyMs.p99,
    max: measured.latencyMs.max,
    errors: measured.errors + (measured.warmup?.errors ?? 0),
    peakRssMb: measured.peakRssMb,
  };
}

// ---------------------------------------------------------------------------
// Curve 2: one store's order list and search at 10,000 / 100,000 / 1,000,000 orders

/** The orders store and one order placed through the core: the template of every copy. */
async function seedOrdersTemplate(core, dbUrl) {
  const slug = 'scale-orders';
  const email = `${slug}@bench.local`;
  const { store } = await core.vendors.signUp({ email, password, storeName: 'Scale orders', slug, phone: '9876543211' });
  const product = await core.catalog.createProduct(store.id, { name: 'Busy product', price: 9900, stock: null });
  const placed = await core.orders.place(
    slug,
    { customer: { name: 'Template customer', phone: '9876543210', address: '1 Residency Road, Bengaluru', pincode: '560025' }, items: [{ productId: product.id, quantity: 2 }], paymentMethod: 'cod' },
    { idempotencyKey: 'scale-template' },
  );
  const order = placed.order ?? placed;
  const at = await withClient(dbUrl, async (client) => (await client.query('SELECT number, created_at FROM orders WHERE id = $1', [order.id])).rows[0]);
  return { slug, email, storeId: store.id, templateId: order.id, templateNumber: Number(at.number), templateMs: Date.parse(at.created_at), seeded: 0 };
}

/**
 * Grows the orders store to `target` orders (the template plus copies). Copy i is made i
 * minutes before the template, so the newest orders stay the same as the store grows and a
 * million orders span about two years. Numbers fall with age below the template's, which is
 * renumbered to the top (numbers may have gaps; the store's counter, when it has one, is moved past it).
 */
async function growOrders(dbUrl, orders, target, maxOrders) {
  const from = orders.seeded + 1;
  const to = target - 1;
  if (to < from) return 0;
  const top = orders.templateNumber + maxOrders;
  return withClient(dbUrl, async (client) => {
    await createHelpers(client);
    await client.query('BEGIN');
    await client.query('UPDATE orders SET number = $2 WHERE id = $1', [orders.templateId, top]);
    if (await hasColumn(client, 'stores', 'next_order_number')) await client.query('UPDATE stores SET next_order_number = GREATEST(next_order_number, $2) WHERE id = $1', [orders.storeId, top + 1]);
    // Migration 012 numbers a store's orders from a sequence of its own: move that past the top too.
    if ((await client.query("SELECT to_regproc('order_number_sequence') IS NOT NULL AS present")).rows[0].present) {
      await client.query('SELECT setval(order_number_sequence($1)::regclass, $2, false)', [orders.storeId, top + 1]);
    }
    const ms = `(${orders.templateMs - 1000}::bigint - g.i::bigint * 60000)`;
    const id = `bench_uuid7(${ms}, 'o' || g.i)`;
    const at = `bench_instant(${ms})`;
    const series = `generate_series(${from}, ${to}) AS g(i)`;
    const names = `(ARRAY[${firstNames.map((n) => `'${n}'`).join(',')}])[1 + g.i % ${firstNames.length}] || ' ' || (ARRAY[${surnames.map((n) => `'${n}'`).join(',')}])[1 + (g.i / ${firstNames.length}) % ${surnames.length}]`;
    const overrides = {
      id,
      number: `${top} - g.i`,
      token: `substr(md5('token' || g.i), 1, 32)`,
      idempotency_key: `'scale-' || g.i`,
      customer_name: names,
      // Distinct phones: 7919 is prime to 10^8, so the last 8 digits never repeat.
      customer_phone: `left(t.customer_phone, length(t.customer_phone) - 8) || lpad(((g.i::bigint * 7919) % 100000000)::text, 8, '0')`,
      created_at: at,
      updated_at: at,
    };
    if (await hasColumn(client, 'orders', 'payment_updated_at')) overrides.payment_updated_at = `CASE WHEN t.payment_updated_at IS NULL THEN NULL ELSE ${at} END`;
    const inserted = await copyRows(client, { table: 'orders', where: 't.id = $1', params: [orders.templateId], series, overrides });
    await copyRows(client, { table: 'order_items', where: 't.order_id = $1', params: [orders.templateId], series, overrides: { order_id: id } });
    await copyRows(client, { table: 'order_status_history', where: 't.order_id = $1', params: [orders.templateId], series, overrides: { order_id: id, at } });
    await client.query('COMMIT');
    orders.seeded = to;
    return inserted;
  });
}

/** The orders point's requests: the list, then the searches; each with its `q` (null: the plain list). */
const orderRequests = (sample) => [
  ['list', null],
  ['searchName', sample.name],
  ['searchPhone', sample.phone],
  ['searchNumber', `#${sample.number}`],
];

/**
 * A copy read back through the core (the list's first page, and one copy found by its phone),
 * and the plan PostgreSQL runs for each of `orderRequests`: the core's own SQL, caught from its
 * knex, under `EXPLAIN (ANALYZE, BUFFERS)`.
 */
async function verifyOrders(dbUrl, orders, count, sample) {
  const core = await openCore(dbUrl);
  try {
    const page = await core.orders.list(orders.storeId, { limit: 20 });
    if (page.items.length !== 20 || !page.items.every((o) => o.items.length === 1 && o.total > 0 && o.customer.name)) throw new Error(`orders at ${count}: the core's first page is not 20 whole orders`);
    const found = await core.orders.list(orders.storeId, { limit: 20, q: sample.phone });
    if (found.items.length !== 1) throw new Error(`orders at ${count}: searching ${sample.phone} through the core found ${found.items.length} orders, expected 1`);
    const order = await core.orders.get(orders.storeId, found.items[0].id);
    if (order.history.length < 1 || order.items[0].quantity !== 2) throw new Error(`orders at ${count}: order ${order.id} read back without its history or lines`);
    const plans = {};
    for (const [key, q] of orderRequests(sample)) {
      const sent = [];
      const record = (query) => sent.push(query);
      core.knex.on('query', record);
      try {
        await core.orders.list(orders.storeId, { limit: 20, ...(q ? { q } : {}) });
      } finally {
        core.knex.off('query', record);
      }
      const query = sent.find((entry) => /from "orders"/i.test(entry.sql));
      if (!query) throw new Error(`orders at ${count}: no query on orders for ${key}`);
      // knex reports the SQL as node-pg gets it ($1, $2, …): send it the same way.
      const explained = await withClient(dbUrl, (client) => client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.bindings));
      plans[key] = explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    return plans;
  } finally {
    await core.close();
  }
}

/** The plan's reads of `orders` and its indexes (not its subqueries' reads of lines and history), e.g. "Bitmap Index Scan on orders_customer_phone_trgm_index". */
const ordersNodes = (plan) =>
  [...plan.matchAll(/(Seq Scan|Index Scan Backward|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan) (?:using (\S+) )?on (\S+)/g)]
    .filter((m) => m[3] === 'orders' || m[3].startsWith('orders_'))
    .map((m) => `${m[1]} ${m[2] ? `using ${m[2]}` : `on ${m[3]}`}`);

async function ordersCurve({ points, orders, steps, start, stop, load, log, services }) {
  const maxOrders = Math.max(...steps);
  const app = await start('orders (memory)');
  try {
    const token = await apiToken(app.url, orders.email, password);
    const headers = { authorization: `Bearer ${token}` };
    for (const count of steps) {
      const started = Date.now();
      const inserted = await growOrders(services.db.url, orders, count, maxOrders);
      await analyze(services.db.url);
      const seedSeconds = (Date.now() - started) / 1000;
      // A copy from the middle of the store: its phone and its number match only it, its name about 1 order in 256.
      const middle = Math.max(1, Math.floor(count / 2));
      const row = await withClient(services.db.url, async (c) => (await c.query('SELECT customer_name, customer_phone, number FROM orders WHERE store_id = $1 AND idempotency_key = $2', [orders.storeId, `scale-${middle}`])).rows[0]);
      const sample = { name: row.customer_name, phone: row.customer_phone.slice(-10), number: Number(row.number) };
      const plans = await verifyOrders(services.db.url, orders, count, sample);
      log(`orders: ${count.toLocaleString('en')} (${inserted.toLocaleString('en')} copied in ${seedSeconds.toFixed(1)} s, analyzed, read back through the core)`);
      const point = { orders: count, seedSeconds: round(seedSeconds, 1), nameQuery: sample.name, phoneQuery: sample.phone, numberQuery: `#${sample.number}`, plans };
      points.push(point);
      const path = (q) => `/api/v1/orders?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      for (const [key, q] of orderRequests(sample)) {
        const probe = await fetch(`${app.url}${path(q)}`, { headers });
        const body = probe.status === 200 ? await probe.json() : null;
        const least = key === 'searchPhone' || key === 'searchNumber' ? 1 : 20;
        if (!body || body.items.length < least) throw new Error(`orders ${count} ${key}: ${probe.status}, ${body?.items?.length} items`);
        point[key] = summary(await runLoad({ url: app.url, pid: app.pid, request: { path: path(q), headers }, ...load }));
        log(`orders ${count.toLocaleString('en')} ${key}: ${point[key].requestsPerSecond} req/s, p50 ${point[key].p50} ms, p99 ${point[key].p99} ms, errors ${point[key].errors}; reads ${ordersNodes(plans[key]).join(', ')}`);
      }
    }
  } finally {
    await stop(app);
  }
  return points;
}

// ---------------------------------------------------------------------------
// Curve 3: many stores of 100 products; memory as they get cached, first-visit latency

async function seedManyStores(dbUrl, storeCount, log) {
  const core = await openCore(dbUrl);
  let template;
  try {
    const { store, vendor } = await core.vendors.signUp({ email: 'scale-s-0@bench.local', password, storeName: 'Small store', slug: 'scale-s-0', phone: '9876543212' });
    const product = await core.catalog.createProduct(store.id, { name: 'Filter coffee powder', description: 'Freshly ground, 200 g.', price: 18000, stock: 500, sku: 'FC' });
    template = { storeId: store.id, vendorId: vendor?.id ?? null, productId: product.id };
  } finally {
    await core.close();
  }
  const started = Date.now();
  await withClient(dbUrl, async (client) => {
    await createHelpers(client);
    if (!template.vendorId) template.vendorId = (await client.query('SELECT vendor_id FROM stores WHERE id = $1', [template.storeId])).rows[0].vendor_id;
    await copyProducts(client, { storeId: template.storeId, productId: template.productId, copies: productsPerStore - 1, categories: [null] });
    // Statistics of near-empty tables made one batch's INSERT … SELECT run for minutes (seen with
    // BENCH_SCALE_ONLY=stores on a fresh database): analyse the copied tables as they grow.
    const analyzeCopies = () => client.query('ANALYZE vendors, stores, store_slugs, products, product_variants, product_slugs');
    await analyzeCopies();
    const base = Date.now() - 86_400_000 * 30;
    const vendorId = `bench_uuid7(${base} + g.i, 'vendor' || g.i)`;
    const storeId = `bench_uuid7(${base} + g.i, 'store' || g.i)`;
    const slug = `'scale-s-' || g.i`;
    const at = `bench_instant(${base} + g.i)`;
    const batch = 1000;
    for (let from = 1; from < storeCount; from += batch) {
      const to = Math.min(storeCount - 1, from + batch - 1);
      const series = `generate_series(${from}, ${to}) AS g(i)`;
      await client.query('BEGIN');
      await copyRows(client, { table: 'vendors', where: 't.id = $1', params: [template.vendorId], series, overrides: { id: vendorId, email: `'scale-s-' || g.i || '@bench.local'`, created_at: at } });
      await copyRows(client, { table: 'stores', where: 't.id = $1', params: [template.storeId], series, overrides: { id: storeId, vendor_id: vendorId, slug, name: `t.name || ' ' || g.i`, created_at: at, updated_at: at } });
      await copyRows(client, { table: 'store_slugs', where: 't.store_id = $1', params: [template.storeId], series, overrides: { slug, store_id: storeId } });
      // Every product of the template store, once per new store: the store's ids and its own SKUs.
      const productId = `bench_uuid7(${base} + g.i, 'sp' || g.i || t.id)`;
      await copyRows(client, { table: 'products', where: 't.store_id = $1', params: [template.storeId], series, overrides: { id: productId, store_id: storeId, created_at: at, updated_at: at } });
      const variantProduct = `bench_uuid7(${base} + g.i, 'sp' || g.i || t.product_id)`;
      await copyRows(client, {
        table: 'product_variants',
        where: 't.store_id = $1',
        params: [template.storeId],
        series,
        overrides: { id: `CASE WHEN t.id = t.product_id THEN ${variantProduct} ELSE bench_uuid7(${base} + g.i, 'sv' || g.i || t.id) END`, store_id: storeId, product_id: variantProduct, created_at: at, updated_at: at },
      });
      await copyRows(client, { table: 'product_slugs', where: 't.store_id = $1', params: [template.storeId], series, overrides: { store_id: storeId, product_id: variantProduct } });
      await client.query('COMMIT');
      if (from === 1) await analyzeCopies();
      if (to === storeCount - 1 || (to % 2000) < batch) log(`stores: ${(to + 1).toLocaleString('en')} of ${storeCount.toLocaleString('en')} (${((to + 1) * productsPerStore).toLocaleString('en')} products) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    // A table the copy does not know about could leave the copies incomplete: say so (history such as outbox events is expected).
    const { rows } = await client.query("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'store_id' AND table_name NOT IN ('stores', 'store_slugs', 'products', 'product_variants', 'product_slugs')");
    for (const { table_name: table } of rows) {
      const n = (await client.query(`SELECT count(*)::int AS n FROM ${quote(table)} WHERE store_id = $1`, [template.storeId])).rows[0].n;
      if (n > 0) log(`stores: note: the template store has ${n} row(s) in ${table}, which the copies do not get`);
    }
  });
  await analyze(dbUrl);
  const check = await openCore(dbUrl);
  try {
    for (const k of [1, Math.floor(storeCount / 2), storeCount - 1].filter((k) => k > 0)) {
      const { view } = await check.storefront.view(`scale-s-${k}`);
      if (view.products.length !== productsPerStore) throw new Error(`scale-s-${k}: the core reads ${view.products.length} products`);
    }
  } finally {
    await check.close();
  }
  const seconds = (Date.now() - started) / 1000;
  log(`stores: ${storeCount.toLocaleString('en')} stores, ${(storeCount * productsPerStore).toLocaleString('en')} products, copied in ${seconds.toFixed(0)} s and sampled through the core`);
  return seconds;
}

/**
 * One app with the in-process cache, started fresh: after a warm-up on the template store, every
 * store's page is visited once (4 at a time), RSS read at checkpoints; then the last 200 again
 * (cached or not, as the cache's byte budget decides).
 */
async function storesCurve({ storeCount, start, stop, log, services }) {
  const seedSeconds = await seedManyStores(services.db.url, storeCount, log);
  const app = await start('stores (memory)');
  const checkpoints = [0, 10, 100, 300, 1000, 3000, 10_000].filter((n) => n < storeCount).concat(storeCount);
  const points = [];
  let errors = 0;
  try {
    for (let k = 0; k < 20; k++) await (await fetch(`${app.url}/scale-s-0`)).arrayBuffer();
    await settle();
    const baseline = app.rssMb();
    points.push({ stores: 0, rssMb: round(baseline), firstVisit: percentiles([]) });
    let next = 1;
    for (const checkpoint of checkpoints.slice(1)) {
      const latencies = [];
      const worker = async () => {
        while (next <= checkpoint) {
          const k = next++;
          const t = performance.now();
          const response = await fetch(`${app.url}/scale-s-${k % storeCount}`);
          await response.arrayBuffer();
          latencies.push(performance.now() - t);
          if (response.status !== 200) errors++;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      await settle();
      const rss = app.rssMb();
      points.push({ stores: checkpoint, rssMb: round(rss), growthMb: round(rss - baseline), perStoreKb: round(((rss - baseline) * 1024) / checkpoint, 1), firstVisit: percentiles(latencies) });
      log(`stores: ${checkpoint.toLocaleString('en')} visited, RSS ${rss.toFixed(1)} MB (+${(rss - baseline).toFixed(1)}), first visit p50 ${points.at(-1).firstVisit.p50} ms, p99 ${points.at(-1).firstVisit.p99} ms`);
    }
    const again = [];
    for (let k = Math.max(1, storeCount - 200); k < storeCount; k++) {
      const t = performance.now();
      const response = await fetch(`${app.url}/scale-s-${k}`);
      await response.arrayBuffer();
      again.push(performance.now() - t);
      if (response.status !== 200) errors++;
    }
    return { seedSeconds: round(seedSeconds), storeCount, productsPerStore, baselineRssMb: round(baseline), points, revisitLast200: percentiles(again), errors };
  } finally {
    await stop(app);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

// ---------------------------------------------------------------------------
// Targets, report and charts

/** The orders points measured in full (a failed step may leave one half done). */
const completeOrders = (orders) => (Array.isArray(orders) ? orders.filter((p) => p.list && p.searchName && p.searchPhone && p.searchNumber) : []);

function judge(results) {
  const checks = [];
  const add = (kind, curve, description, measured, pass) => checks.push({ kind, curve, description, measured, pass });
  const { products, stores } = results.curves;
  const orders = completeOrders(results.curves.orders);
  if (products?.length) {
    const small = products.find((p) => p.size === 50);
    const large = products.find((p) => p.size === 5000);
    if (small?.page && large?.page) {
      const ratio = large.page.p99 / Math.max(1, small.page.p99);
      const measured = large.page.unanswered ? `${small.page.p99} ms at 50; at 5,000 no request answered within the ${results.settings.durationSeconds} s run` : `${small.page.p99} → ${large.page.p99} ms (${round(ratio, 2)}x)`;
      add('target', 'products', 'cached store page p99 at 5,000 products within 2x of 50', measured, !large.page.unanswered && ratio <= 2);
    }
    for (const p of products) {
      const runs = [p.page, p.api, p.firstVisit].filter(Boolean);
      const errors = runs.reduce((n, r) => n + r.errors, 0);
      const silent = runs.filter((r) => r.unanswered).length;
      add('gate', 'products', `no error, every run answered, at ${p.size} products`, `${errors} errors${silent ? `, ${silent} run(s) without one answer` : ''}`, errors === 0 && silent === 0);
    }
  }
  if (orders?.length) {
    const largest = orders.at(-1);
    add('target', 'orders', `order list p99 < 30 ms at 1,000,000 orders${largest.orders < 1_000_000 ? ` (largest run: ${largest.orders.toLocaleString('en')})` : ''}`, `${largest.list.p99} ms`, largest.orders >= 1_000_000 ? largest.list.p99 < 30 : null);
    const scans = Object.entries(largest.plans ?? {}).filter(([, plan]) => /Seq Scan on orders/.test(plan)).map(([key]) => key);
    add('target', 'orders', `no request reads every order (no Seq Scan on orders) at ${largest.orders.toLocaleString('en')} orders`, scans.length ? `scans: ${scans.join(', ')}` : 'none', scans.length === 0);
    for (const p of orders) {
      const runs = [p.list, p.searchName, p.searchPhone, p.searchNumber];
      const errors = runs.reduce((n, r) => n + r.errors, 0);
      const silent = runs.filter((r) => r.unanswered).length;
      add('gate', 'orders', `no error, every run answered, at ${p.orders.toLocaleString('en')} orders`, `${errors} errors${silent ? `, ${silent} run(s) without one answer` : ''}`, errors === 0 && silent === 0);
    }
  }
  if (stores?.points?.length > 2) {
    const last = stores.points.at(-1);
    const half = stores.points.filter((p) => p.stores <= last.stores / 2).at(-1) ?? stores.points[0];
    const early = stores.points.find((p) => p.stores >= 100) ?? stores.points[1];
    add('target', 'stores', 'memory per cached store bounded: RSS growth after the middle checkpoint < 20 % of the total growth', `${early.perStoreKb} KB per store over the first ${early.stores}; +${half.growthMb} MB at ${half.stores}, +${last.growthMb} MB at ${last.stores}`, last.growthMb <= 0 || last.growthMb - half.growthMb <= 0.2 * last.growthMb);
    add('gate', 'stores', 'no error visiting every store', `${stores.errors}`, stores.errors === 0);
  }
  return checks;
}

/** p50 / p99 of a run, or that nothing came back while it ran. */
const latency = (r) => (!r ? '—' : r.unanswered ? 'none answered' : `${r.p50} / ${r.p99}`);

export function report(results) {
  const { products, stores } = results.curves;
  const orders = completeOrders(results.curves.orders);
  const m = results.machine;
  const lines = [
    '# Cost curves (BENCH_SCALE=1)',
    '',
    `${m.date} · ${m.cpus} × ${m.cpuModel} · node ${m.node} · load average ${m.loadAverage.join(' / ')} at the start · ${results.wallSeconds} s in all. ` +
      `${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up + ${results.settings.durationSeconds} s per point; the app with NODE_ENV=production and the in-process cache.`,
    '',
  ];
  if (results.skipped.length) lines.push(`Not run: ${results.skipped.join('; ')}.`, '');
  const charts = {};
  if (products?.length) {
    lines.push(
      '## Store page and store API by catalogue size',
      '',
      'Cached: 32 connections on a warm cache. First visit: the page with `CACHE=off` on 1 connection, so every request reads the database and renders, as the first visit to a store does.',
      '',
      mdTable(
        ['products', 'in the API', 'page bytes', 'page cached req/s', 'page cached p50 / p99 ms', 'first visit p50 / p99 ms', 'API bytes', 'API cached req/s', 'API p50 / p99 ms', 'peak RSS MB'],
        products.map((p) => [p.size, p.apiProducts, p.pageBytes, p.page?.requestsPerSecond, latency(p.page), latency(p.firstVisit), p.apiBytes, p.api?.requestsPerSecond, latency(p.api), Math.max(p.page?.peakRssMb ?? 0, p.api?.peakRssMb ?? 0)]),
      ),
      '',
      '![cached store page and API by catalogue size](scale-products.svg) ![first visit by catalogue size](scale-products-first-visit.svg)',
      '',
    );
    charts['scale-products.svg'] = lineChart({
      title: 'Cached store page and API: p99 latency by catalogue size',
      xLabel: 'products in the store',
      yLabel: 'p99 latency (ms)',
      yUnit: ' ms',
      series: [
        { name: 'page, cached', points: products.map((p) => [p.size, p.page?.unanswered ? null : p.page?.p99]) },
        { name: 'API, cached', points: products.map((p) => [p.size, p.api?.unanswered ? null : p.api?.p99]) },
      ],
    });
    // Its own chart: a first visit is one or two orders of magnitude slower than a cached page.
    charts['scale-products-first-visit.svg'] = lineChart({
      title: 'Store page, first visit (rendered from the database)',
      xLabel: 'products in the store',
      yLabel: 'latency (ms)',
      yUnit: ' ms',
      series: [
        { name: 'p50', points: products.map((p) => [p.size, p.firstVisit?.p50]) },
        { name: 'p99', points: products.map((p) => [p.size, p.firstVisit?.p99]) },
      ],
    });
  }
  if (orders?.length) {
    lines.push(
      '## Order list and search by order count',
      '',
      "`GET /api/v1/orders?limit=20` (newest first) and `?q=` with a customer name about 1 order in 256 has, with one order's phone (10 digits) and with one order's number (`#…`): each of the last two matches one order. One store; copies made with bulk SQL from an order the core placed, then `ANALYZE`.",
      '',
      mdTable(
        ['orders', 'list req/s', 'list p50 / p99 ms', 'search by name req/s', 'name p50 / p99 ms', 'search by phone req/s', 'phone p50 / p99 ms', 'search by number req/s', 'number p50 / p99 ms', 'seeding s'],
        orders.map((p) => [p.orders, p.list.requestsPerSecond, latency(p.list), p.searchName.requestsPerSecond, latency(p.searchName), p.searchPhone.requestsPerSecond, latency(p.searchPhone), p.searchNumber.requestsPerSecond, latency(p.searchNumber), p.seedSeconds]),
      ),
      '',
      '![order list by order count](scale-orders-list.svg) ![order list and search by order count](scale-orders.svg)',
      '',
    );
    const largest = orders.at(-1);
    if (largest.plans) {
      lines.push(`PostgreSQL's plans at ${largest.orders.toLocaleString('en')} orders (\`EXPLAIN (ANALYZE, BUFFERS)\` of the core's own query, run once before the load):`, '');
      for (const [key, plan] of Object.entries(largest.plans)) lines.push(`${key}:`, '', '```', plan, '```', '');
    }
    charts['scale-orders.svg'] = lineChart({
      title: 'Order list and search: p99 latency by order count',
      xLabel: 'orders in the store',
      yLabel: 'p99 latency (ms)',
      yUnit: ' ms',
      series: [
        { name: 'list, 20 newest', points: orders.map((p) => [p.orders, p.list.unanswered ? null : p.list.p99]) },
        { name: 'search by name', points: orders.map((p) => [p.orders, p.searchName.unanswered ? null : p.searchName.p99]) },
        { name: 'search by phone', points: orders.map((p) => [p.orders, p.searchPhone.unanswered ? null : p.searchPhone.p99]) },
        { name: 'search by number', points: orders.map((p) => [p.orders, p.searchNumber.unanswered ? null : p.searchNumber.p99]) },
      ],
    });
    // The list alone, readable at its own scale (the target is its p99 under 30 ms).
    charts['scale-orders-list.svg'] = lineChart({
      title: 'Order list (20 newest): latency by order count',
      xLabel: 'orders in the store',
      yLabel: 'latency (ms)',
      yUnit: ' ms',
      series: [
        { name: 'p50', points: orders.map((p) => [p.orders, p.list.p50]) },
        { name: 'p99', points: orders.map((p) => [p.orders, p.list.unanswered ? null : p.list.p99]) },
      ],
    });
  }
  if (stores?.points?.length) {
    lines.push(
      `## ${stores.storeCount.toLocaleString('en')} stores of ${stores.productsPerStore} products`,
      '',
      `One app (in-process cache), started fresh; every store's page visited once, 4 at a time, RSS read 1 s after each checkpoint (baseline ${stores.baselineRssMb} MB after 20 visits of one store). Seeding took ${stores.seedSeconds} s. The last 200 stores visited again: p50 ${stores.revisitLast200.p50} ms, p99 ${stores.revisitLast200.p99} ms.`,
      '',
      mdTable(
        ['stores visited', 'RSS MB', 'growth MB', 'KB per store', 'first visit p50 / p90 / p99 ms (this segment)'],
        stores.points.map((p) => [p.stores, p.rssMb, p.growthMb ?? 0, p.perStoreKb ?? '—', p.firstVisit.n ? `${p.firstVisit.p50} / ${p.firstVisit.p90} / ${p.firstVisit.p99}` : '—']),
      ),
      '',
      '![RSS as stores get cached](scale-stores-memory.svg) ![first visit latency](scale-stores-latency.svg)',
      '',
    );
    const visited = stores.points.filter((p) => p.stores > 0);
    charts['scale-stores-memory.svg'] = lineChart({ title: 'App RSS as stores get cached', xLabel: 'stores visited', yLabel: 'RSS (MB)', yUnit: ' MB', series: [{ name: 'RSS', points: visited.map((p) => [p.stores, p.rssMb]) }] });
    charts['scale-stores-latency.svg'] = lineChart({
      title: 'First visit to a store (100 products)',
      xLabel: 'stores visited',
      yLabel: 'latency (ms)',
      yUnit: ' ms',
      series: [
        { name: 'p50', points: visited.map((p) => [p.stores, p.firstVisit.p50]) },
        { name: 'p99', points: visited.map((p) => [p.stores, p.firstVisit.p99]) },
      ],
    });
  }
  lines.push('| check | curve | what | measured | result |', '|---|---|---|---|---|');
  for (const c of results.checks) lines.push(`| ${c.kind} | ${c.curve} | ${c.description} | ${c.measured} | ${c.pass === null ? 'n/a' : c.pass ? 'pass' : '**FAIL**'} |`);
  for (const [name, message] of Object.entries(results.curveErrors ?? {})) lines.push('', `**The ${name} curve failed**: ${message}`);
  if (results.error) lines.push('', `**The run failed**: ${results.error.split('\n')[0]}`);
  return { text: lines.join('\n'), charts };
}
