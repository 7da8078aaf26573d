// The vendor's data export on a real database and real image files: every file is in the zip and
// parses, images come back byte for byte, nothing secret leaks, it is limited to 10 an hour and
// to 2 at once per process, and thousands of orders stream through page by page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crc32 } from 'node:zlib';
import t, { type Test } from 'tap';
import { fromBufferPromise } from 'yauzl';
import { exportAccount, exportsPerHour, startExport, type ExportContext } from '../src/accounts/export-account.js';
import { exportsAtOnce } from '../src/accounts/export/export-slots.js';
import { exportPageSize } from '../src/accounts/export/pages.js';
import { diskImageStore } from '../src/adapters/disk/index.js';
import type { Order } from '../src/orders/order.js';
import type { OrderListQuery, OrderRepository } from '../src/orders/order-repository.js';
import type { Persistence } from '../src/persistence.js';
import { csvRecords } from './support/csv.js';
import { newId, newToken } from '../src/shared/id.js';
import { coreVariants } from './support/core-variants.js';
import { tinyPng } from './support/images.js';
import { distinctPhotos } from './support/photos.js';
import { customer, openStore, orderFor } from './support/orders.js';

/** Every entry of the archive by name, read through yauzl with its size checks on; each CRC is checked here (yauzl does not). */
async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const data = await buffer(await zip.openReadStreamPromise(entry));
    if (crc32(data) !== entry.crc32) throw new Error(`${entry.fileName}: the CRC does not match its bytes`);
    entries.set(entry.fileName, data);
  }
  return entries;
}

/** A full garbage collection, so heap samples measure what is still held, not what awaits collection. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
/** Resolves once the stream has closed, however it ended (events.once would reject on its 'error'). */
const closed = (stream: Readable) => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The orders repository with every list() call recorded as it starts: what was asked, then which rows came back. */
function spiedOrders(base: OrderRepository, calls: Array<{ query: OrderListQuery; ids: string[] }>): OrderRepository {
  const orders = Object.create(base) as OrderRepository;
  orders.list = async (storeId, query) => {
    const call = { query, ids: [] as string[] };
    calls.push(call);
    const page = await base.list(storeId, query);
    call.ids = page.items.map((o) => o.id);
    return page;
  };
  return orders;
}

const parseJson = (bytes: Buffer | undefined): unknown => JSON.parse(bytes?.toString('utf8') ?? 'null');

t.test('the disk image store reads back what it saved, null once gone, and never outside its folder', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'media-'));
  t.teardown(() => rmSync(directory, { recursive: true, force: true }));
  const images = diskImageStore({ directory, publicPath: '/media' });
  const { key } = await images.save(tinyPng, 'image/png', 'store-1/');
  t.ok(Buffer.from((await images.read(key)) ?? []).equals(tinyPng), 'the same bytes');
  await images.delete(key);
  t.equal(await images.read(key), null, 'null when gone');
  t.equal(await images.read('store-1'), null, 'null for a folder');
  await t.rejects(images.read('../../etc/passwd'), TypeError, 'a key that climbs out is refused');
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const context: ExportContext = {
      persistence: fixture.persistence,
      images: diskImageStore({ directory: fixture.mediaDir, publicPath: '/media' }),
      counters: fixture.makeCache().counters,
      clock: { now: () => new Date('2025-05-03T10:00:00Z') },
    };

    const { store, vendor } = await openStore(dukaan);
    const withLogo = await dukaan.stores.saveLogo(store.id, tinyPng);
    const sweets = await dukaan.catalog.createCategory(store.id, { name: 'मिठाई' });
    const laddoo = await dukaan.catalog.createProduct(store.id, { name: 'Besan laddoo', price: 49950, categoryId: sweets.id, sku: 'LAD-1' });
    const [photoA, photoB] = await distinctPhotos(2, 300, 200);
    await dukaan.catalog.addProductImage(store.id, laddoo.id, photoA!);
    const { product: laddooWithImages } = await dukaan.catalog.addProductImage(store.id, laddoo.id, photoB!);
    const formula = await dukaan.catalog.createProduct(store.id, { name: '=HYPERLINK("http://evil.example")', price: 100, active: false });
    const gone = await dukaan.catalog.createProduct(store.id, { name: 'Lost photo', price: 2500 });
    const { product: goneWithImage } = await dukaan.catalog.addProductImage(store.id, gone.id, tinyPng);
    for (const lostKey of goneWithImage.images[0]?.fileKeys ?? []) rmSync(join(fixture.mediaDir, lostKey));

    // 101 orders: more than one page of the repository, and the first has two lines.
    await dukaan.orders.place(store.slug, {
      ...orderFor([{ productId: laddoo.id, quantity: 2 }, { productId: gone.id, quantity: 1 }]),
      customer: { ...customer, name: 'आशा राव', email: 'asha@example.com' },
      note: '@SUM(1+1) please ring twice',
    });
    for (let i = 0; i < 100; i += 1) await dukaan.orders.place(store.slug, orderFor([{ productId: gone.id, quantity: 1 }]));

    t.test('the zip holds every file, each parses, and images come back byte for byte', async (t) => {
      const { filename, stream } = await exportAccount(context, { vendorId: vendor.id, storeId: store.id });
      t.equal(filename, `dukaan-${store.slug}-export-2025-05-03.zip`);
      const files = await readZip(await buffer(stream));
      const logoFile = `images/${withLogo.logoUrl?.split('/').pop()}`;
      const fileName = (key: string) => `images/${key.split('/').pop()}`;
      // Each photo is exported in every stored width and format; its largest JPEG is "file".
      const imageFiles = laddooWithImages.images.map((image) => fileName(image.key));
      const allImageFiles = laddooWithImages.images.flatMap((image) => image.fileKeys.map(fileName));
      t.equal(allImageFiles.length, 8, 'two widths (200 and its own 300) × two formats × two photos');
      t.same(
        [...files.keys()].sort(),
        ['README.txt', 'account.json', 'categories.json', 'orders.csv', 'orders.json', 'products.csv', 'products.json', 'store.json', logoFile, ...allImageFiles].sort(),
        'every file; the image that is gone from disk is left out',
      );
      t.ok(files.get(logoFile)?.equals(tinyPng), 'the logo: the uploaded bytes');
      for (const key of laddooWithImages.images.flatMap((image) => image.fileKeys)) {
        t.ok(files.get(fileName(key))?.equals(readFileSync(join(fixture.mediaDir, key))), `${fileName(key)}: the stored bytes`);
      }

      const readme = files.get('README.txt')?.toString('utf8') ?? '';
      for (const name of files.keys()) if (!name.startsWith('images/')) t.match(readme, name, `README.txt explains ${name}`);

      const account = parseJson(files.get('account.json'));
      t.same(account, { id: vendor.id, email: vendor.email, createdAt: vendor.createdAt, locale: 'en' }, 'account.json: id, email, created, language; no password hash');

      t.match(parseJson(files.get('store.json')), { id: store.id, slug: store.slug, name: store.name, logoUrl: withLogo.logoUrl, logoFile });
      t.same(parseJson(files.get('categories.json')), [{ ...sweets }], 'categories.json, with the name in its own script');

      const products = parseJson(files.get('products.json')) as Array<{ id: string; images: Array<{ url: string; file: string | null }> }>;
      t.same(products.map((p) => p.id).sort(), [laddoo.id, formula.id, gone.id].sort(), 'hidden products too');
      t.same(
        products.find((p) => p.id === laddoo.id)?.images,
        laddooWithImages.images.map((image, i) => ({ url: image.url, file: imageFiles[i], width: 300, height: 200, files: image.fileKeys.map(fileName) })),
      );
      t.same(products.find((p) => p.id === gone.id)?.images, [{ url: goneWithImage.images[0]?.url, file: null, width: 1, height: 1, files: [] }], 'a lost image says so');

      const orders = parseJson(files.get('orders.json')) as Array<Record<string, unknown>>;
      t.equal(orders.length, 101, 'every order, across pages');
      t.same(orders.map((o) => o.number), Array.from({ length: 101 }, (_, i) => 1101 - i), 'newest first');
      t.match(orders[100], { customer: { name: 'आशा राव', email: 'asha@example.com' }, note: '@SUM(1+1) please ring twice', items: [{ quantity: 2 }, { quantity: 1 }] });
      t.notOk(orders.some((o) => 'token' in o || 'idempotencyKey' in o || 'idempotencyFingerprint' in o), 'no tracking secret or idempotency internals');

      const productRows = csvRecords(t, files.get('products.csv'));
      t.equal(productRows.length, 3);
      t.match(productRows.find((r) => r.id === laddoo.id), { name: 'Besan laddoo', sku: 'LAD-1', category: 'मिठाई', price: '499.50', currency: 'INR', active: 'true', image_files: imageFiles.join(' ') });
      t.equal(productRows.find((r) => r.id === formula.id)?.name, `'=HYPERLINK("http://evil.example")`, 'a formula is defused for spreadsheets');
      t.equal(productRows.find((r) => r.id === formula.id)?.active, 'false');

      const orderRows = csvRecords(t, files.get('orders.csv'));
      t.equal(orderRows.length, 102, 'one row per order line');
      const first = orderRows.filter((r) => r.order_number === '1001');
      t.equal(first.length, 2, 'the two-line order takes two rows');
      t.match(first[0], { customer_name: 'आशा राव', customer_phone: customer.phone, note: "'@SUM(1+1) please ring twice", item_name: 'Besan laddoo', unit_price: '499.50', quantity: '2', line_total: '999.00' });
      t.equal(first[0]?.total, first[1]?.total, "the order's total repeats on each of its rows");
    });

    t.test('only the owner of the store gets it', async (t) => {
      const other = await openStore(dukaan);
      await t.rejects(exportAccount(context, { vendorId: vendor.id, storeId: other.store.id }), { code: 'NOT_FOUND' });
    });

    t.test(`the ${exportsPerHour + 1}th export within an hour is refused, per vendor`, async (t) => {
      const { store: own, vendor: owner } = await openStore(dukaan);
      for (let i = 0; i < exportsPerHour; i += 1) {
        const { stream } = await exportAccount(context, { vendorId: owner.id, storeId: own.id });
        stream.destroy();
        await closed(stream); // its slot is free again: one export at a time per vendor
      }
      const refusal = await exportAccount(context, { vendorId: owner.id, storeId: own.id }).then(() => null, (error: unknown) => error);
      t.match(refusal, { code: 'RATE_LIMITED', message: /10 times an hour/ });
      t.ok((refusal as { retryAfterSeconds: number }).retryAfterSeconds > 50 * 60, 'retry after most of the hour');
      const parallel = await Promise.allSettled(Array.from({ length: 5 }, () => exportAccount(context, { vendorId: owner.id, storeId: own.id })));
      t.ok(parallel.every((r) => r.status === 'rejected'), 'a parallel burst gets nothing more');
      const someoneElse = await openStore(dukaan);
      const { stream } = await exportAccount(context, { vendorId: someoneElse.vendor.id, storeId: someoneElse.store.id });
      t.ok((await buffer(stream)).length > 0, "another vendor's limit is their own");
    });

    t.test(`at most ${exportsAtOnce} exports run at once, one per vendor; a download cut off midway frees its slot`, async (t) => {
      const [a, b, c] = [await openStore(dukaan), await openStore(dukaan), await openStore(dukaan)];
      const principal = (owner: typeof a) => ({ vendorId: owner.vendor.id, storeId: owner.store.id });
      const first = await exportAccount(context, principal(a));
      t.match(await refusalOf(exportAccount(context, principal(a))), { code: 'RATE_LIMITED', message: /still being prepared/ }, 'the same vendor waits for their first download');
      const second = await exportAccount(context, principal(b));
      const third = await refusalOf(exportAccount(context, principal(c)));
      t.match(third, { code: 'RATE_LIMITED', message: /right now/ }, 'the third at once is refused');
      t.ok((third as { retryAfterSeconds: number }).retryAfterSeconds <= 60, 'with a short wait');

      // A client that disconnects after the first bytes: the HTTP layer destroys the stream.
      await new Promise((resolve) => first.stream.once('data', resolve));
      first.stream.destroy();
      await closed(first.stream);
      const again = await exportAccount(context, principal(c));
      t.ok((await readZip(await buffer(again.stream))).has('orders.json'), 'the slot is free: the third vendor gets a whole archive');
      t.ok((await readZip(await buffer(second.stream))).has('orders.json'), 'and the second, read to its end, is whole too');

      const { count } = await context.counters.increment(`export:vendor:${c.vendor.id}`, 3600_000);
      t.equal(count, 2, "the refused attempt did not spend the vendor's hourly allowance (one export plus this probe)");

      const burst = await Promise.allSettled([a, b, c].map((owner) => exportAccount(context, principal(owner))));
      t.equal(burst.filter((r) => r.status === 'fulfilled').length, exportsAtOnce, `a parallel burst gets exactly ${exportsAtOnce}`);
      for (const r of burst) if (r.status === 'fulfilled') r.value.stream.destroy();
      await Promise.all(burst.map((r) => (r.status === 'fulfilled' ? closed(r.value.stream) : undefined)));
    });

    t.test('a download nobody reads is cut off after the idle time, and frees its slot', async (t) => {
      const owners = [await openStore(dukaan), await openStore(dukaan)];
      const started = await Promise.all(owners.map((o) => startExport(context, { vendorId: o.vendor.id, storeId: o.store.id }, { idleMs: 150 })));
      const reader = started[1]?.stream as Readable;
      const firstChunk = await new Promise<Buffer>((resolve) => reader.once('data', resolve));
      reader.pause(); // a reader that took one chunk, then stalled
      t.ok(firstChunk.length > 0);
      const waited = Date.now();
      await Promise.all(started.map((s) => closed(s.stream)));
      t.ok(Date.now() - waited >= 100, 'both are destroyed once idle');
      t.notOk(started.some((s) => s.stream.readableEnded), 'neither ended as if complete');
      const other = await openStore(dukaan);
      const { stream } = await exportAccount(context, { vendorId: other.vendor.id, storeId: other.store.id });
      t.ok((await buffer(stream)).length > 0, 'their slots are free');
    });

    t.test('the archive holds what existed when it started: later orders and products are in no file', async (t) => {
      const { store: own, vendor: owner } = await openStore(dukaan);
      const tea = await dukaan.catalog.createProduct(own.id, { name: 'Masala chai', price: 2400 });
      const { order: before } = await dukaan.orders.place(own.slug, orderFor([{ productId: tea.id, quantity: 1 }]));
      const { stream } = await exportAccount(context, { vendorId: owner.id, storeId: own.id });
      await sleep(5); // the next ids are from a later millisecond
      const coffee = await dukaan.catalog.createProduct(own.id, { name: 'Filter coffee', price: 3000 });
      const { order: after } = await dukaan.orders.place(own.slug, orderFor([{ productId: coffee.id, quantity: 1 }]));
      const files = await readZip(await buffer(stream));
      t.same((parseJson(files.get('orders.json')) as Order[]).map((o) => o.id), [before.id], 'orders.json: the order from before only');
      t.same(csvRecords(t, files.get('orders.csv')).map((r) => r.order_id), [before.id], 'orders.csv: the same');
      t.same((parseJson(files.get('products.json')) as Array<{ id: string }>).map((p) => p.id), [tea.id], 'products.json: the product from before only');
      t.same(csvRecords(t, files.get('products.csv')).map((r) => r.id), [tea.id], 'products.csv: the same');
      t.not(after.id, before.id);
    });

    t.test('thousands of orders stream page by page: a slow reader holds the queries back, and the heap stays far below orders.json', async (t) => {
      const { store: own, vendor: owner } = await openStore(dukaan);
      const items = [];
      for (const name of ['Besan laddoo', 'Kaju katli', 'Mysore pak', 'Rasgulla', 'Jalebi', 'Soan papdi']) items.push({ productId: (await dukaan.catalog.createProduct(own.id, { name, price: 49950 })).id, quantity: 2 });
      const { order: template } = await dukaan.orders.place(own.slug, orderFor(items));
      const seeded = 2999;
      // Customers differ, as real ones do: text that compresses like real orders, not a thousand copies of one.
      const varied = (): Order => ({
        ...template,
        id: newId(),
        token: newToken(),
        idempotencyKey: null,
        idempotencyFingerprint: null,
        customer: { ...template.customer, name: `Customer ${newToken(6)}`, address: `${newToken(9)} Road, ${newToken(6)} Nagar, Bengaluru` },
        note: `Ring twice: ${newToken(18)}`,
      });
      await fixture.persistence.transaction(async (tx) => {
        for (let i = 0; i < seeded; i += 1) await tx.orders.insertWithNextNumber(varied());
      });
      const total = seeded + 1;
      const pages = Math.ceil(total / exportPageSize);
      const principal = { vendorId: owner.id, storeId: own.id };

      /** The whole archive, read through the stream's async iterator; `each` runs after every chunk. */
      async function readAll(stream: Readable, each: (chunk: number) => Promise<void>): Promise<Map<string, Buffer>> {
        const chunks: Buffer[] = [];
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          await each(chunks.length);
        }
        return readZip(Buffer.concat(chunks));
      }

      t.test('a reader that stops holds the paging back; every page is asked for after the last', async (t) => {
        const calls: Array<{ query: OrderListQuery; ids: string[] }> = [];
        const persistence: Persistence = { ...fixture.persistence, orders: spiedOrders(fixture.persistence.orders, calls) };
        const { stream } = await exportAccount({ ...context, persistence }, principal);
        let paused: number[] = [];
        const files = await readAll(stream, async () => {
          if (calls.length === 0 || paused.length > 0) return;
          // orders.json has started: stop reading for a while, twice.
          await sleep(300);
          paused.push(calls.length);
          await sleep(300);
          paused.push(calls.length);
        });
        t.equal(paused[1], paused[0], 'nothing more is fetched while the reader waits');
        // What was fetched sits as text and compressed bytes in zlib's and the streams' buffers: a few pages, whatever the total.
        t.ok((paused[0] ?? Infinity) <= 8, `only the pages in the buffers were fetched (${paused[0]} of ${pages})`);
        const orders = parseJson(files.get('orders.json')) as Order[];
        t.equal(orders.length, total, 'every order is in orders.json');
        t.same(orders.map((o) => o.number), Array.from({ length: total }, (_, i) => 1000 + total - i), 'newest first, none twice');
        t.equal(csvRecords(t, files.get('orders.csv')).length, total * items.length, 'and each of its lines in orders.csv');
        t.equal(calls.length, 2 * pages, `orders were read twice (JSON, CSV), ${pages} pages each`);
        t.ok(calls.every((c) => c.query.limit === exportPageSize), `each query asks for ${exportPageSize} rows`);
        for (const pass of [calls.slice(0, pages), calls.slice(pages)]) {
          const chained = pass.every((c, i) => c.query.after === (i === 0 ? undefined : pass[i - 1]?.ids.at(-1)));
          t.ok(chained, 'each page starts after the last of the one before (keyset paging)');
        }
      });

      t.test('a download cut off in the middle of orders.json stops the paging and frees its slot', async (t) => {
        const calls: Array<{ query: OrderListQuery; ids: string[] }> = [];
        const persistence: Persistence = { ...fixture.persistence, orders: spiedOrders(fixture.persistence.orders, calls) };
        const { stream } = await exportAccount({ ...context, persistence }, principal);
        for await (const _chunk of stream) if (calls.length >= 2) break; // leaving the loop destroys the stream
        await closed(stream);
        const atClose = calls.length;
        await sleep(200);
        t.equal(calls.length, atClose, `no page is asked for after the close (${atClose} of ${pages})`);
        const again = await exportAccount(context, principal);
        t.ok(again.stream.readable, "the vendor's slot is free: the next export starts");
        again.stream.destroy();
        await closed(again.stream);
      });

      // After the exports above, so compiled code does not count as held data.
      t.test('the heap held while streaming stays far below the size of orders.json', async (t) => {
        collectGarbage();
        collectGarbage();
        const baseline = process.memoryUsage().heapUsed;
        let peak = 0;
        const { stream } = await exportAccount(context, principal);
        const files = await readAll(stream, async (n) => {
          if (n % 8 !== 0) return;
          collectGarbage();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        });
        const size = files.get('orders.json')?.length ?? 0;
        t.ok(size > 5_000_000, `orders.json is large (${Math.round(size / 1024)} KiB)`);
        // One page of orders, as rows, objects and text, plus zlib's and the streams' buffers: under 1 MiB.
        // Holding every order (as before streaming) takes about as much heap again as orders.json.
        t.ok(peak < size / 3, `the heap held at most ${Math.round(peak / 1024)} KiB more while streaming, far below orders.json's ${Math.round(size / 1024)} KiB`);
      });
    });
  });
}
