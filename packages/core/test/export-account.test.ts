// The vendor's data export on a real database and real image files: every file is in the zip and
// parses, images come back byte for byte, nothing secret leaks, and it is limited to 10 an hour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import t, { type Test } from 'tap';
import { fromBufferPromise } from 'yauzl';
import { exportAccount, exportsPerHour, type ExportContext } from '../src/accounts/export-account.js';
import { diskImageStore } from '../src/adapters/disk/index.js';
import { coreVariants } from './support/core-variants.js';
import { tinyPng } from './support/images.js';
import { customer, openStore, orderFor } from './support/orders.js';

/** Every entry of the archive by name, read through yauzl with its size checks on. */
async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
  return entries;
}

/** RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, cell]), (row = []), (cell = ''), (i += 1);
    else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV file as records keyed by its header row; the byte order mark is checked and dropped. */
function csvRecords(t: Test, bytes: Buffer | undefined): Array<Record<string, string>> {
  const text = bytes?.toString('utf8') ?? '';
  t.ok(text.startsWith('\ufeff'), 'starts with a byte order mark for spreadsheets');
  const [header = [], ...rows] = parseCsv(text.slice(1));
  for (const row of rows) t.equal(row.length, header.length, 'every row has every column');
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
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
    await dukaan.catalog.addProductImage(store.id, laddoo.id, tinyPng);
    const { product: laddooWithImages } = await dukaan.catalog.addProductImage(store.id, laddoo.id, tinyPng);
    const formula = await dukaan.catalog.createProduct(store.id, { name: '=HYPERLINK("http://evil.example")', price: 100, active: false });
    const gone = await dukaan.catalog.createProduct(store.id, { name: 'Lost photo', price: 2500 });
    const { product: goneWithImage } = await dukaan.catalog.addProductImage(store.id, gone.id, tinyPng);
    const lostKey = goneWithImage.images[0]?.key ?? '';
    rmSync(join(fixture.mediaDir, lostKey));

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
      const imageFiles = laddooWithImages.images.map((image) => `images/${image.key.split('/').pop()}`);
      t.same(
        [...files.keys()].sort(),
        ['README.txt', 'account.json', 'categories.json', 'orders.csv', 'orders.json', 'products.csv', 'products.json', 'store.json', logoFile, ...imageFiles].sort(),
        'every file; the image that is gone from disk is left out',
      );
      for (const name of [logoFile, ...imageFiles]) t.ok(files.get(name)?.equals(tinyPng), `${name}: the uploaded bytes`);

      const readme = files.get('README.txt')?.toString('utf8') ?? '';
      for (const name of files.keys()) if (!name.startsWith('images/')) t.match(readme, name, `README.txt explains ${name}`);

      const account = parseJson(files.get('account.json'));
      t.same(account, { id: vendor.id, email: vendor.email, createdAt: vendor.createdAt }, 'account.json: id, email, created; no password hash');

      t.match(parseJson(files.get('store.json')), { id: store.id, slug: store.slug, name: store.name, logoUrl: withLogo.logoUrl, logoFile });
      t.same(parseJson(files.get('categories.json')), [{ ...sweets }], 'categories.json, with the name in its own script');

      const products = parseJson(files.get('products.json')) as Array<{ id: string; images: Array<{ url: string; file: string | null }> }>;
      t.same(products.map((p) => p.id).sort(), [laddoo.id, formula.id, gone.id].sort(), 'hidden products too');
      t.same(products.find((p) => p.id === laddoo.id)?.images, laddooWithImages.images.map((image, i) => ({ url: image.url, file: imageFiles[i] })));
      t.same(products.find((p) => p.id === gone.id)?.images, [{ url: goneWithImage.images[0]?.url, file: null }], 'a lost image says so');

      const orders = parseJson(files.get('orders.json')) as Array<Record<string, unknown>>;
      t.equal(orders.length, 101, 'every order, across pages');
      t.same(orders.map((o) => o.number), Array.from({ length: 101 }, (_, i) => 1001 + i), 'oldest first');
      t.match(orders[0], { customer: { name: 'आशा राव', email: 'asha@example.com' }, note: '@SUM(1+1) please ring twice', items: [{ quantity: 2 }, { quantity: 1 }] });
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
  });
}
