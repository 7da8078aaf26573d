import type { Readable } from 'node:stream';
import t from 'tap';
import type { Dukaan } from '../src/index.js';
import { fromSpreadsheetText, toSpreadsheetText } from '../src/catalog/csv/spreadsheet-text.js';
import { productCsvColumns } from '../src/catalog/csv/product-csv-columns.js';
import { coreVariants } from './support/core-variants.js';
import { csvRecords } from './support/csv.js';
import { openStore } from './support/orders.js';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const header = productCsvColumns.join(',');
/** A CSV file from rows of cells keyed by column (the rest blank). */
function csv(rows: Array<Partial<Record<(typeof productCsvColumns)[number], string>>>): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [header, ...rows.map((row) => productCsvColumns.map((c) => quote(row[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}

async function exported(dukaan: Dukaan, storeId: string): Promise<string> {
  return text((await dukaan.catalog.exportProducts(storeId)).stream);
}

t.test('spreadsheet text: formulas neutralised, reversibly', async (t) => {
  for (const value of ['=SUM(A1)', '+91 98765', '-5', '@cmd', '\t=x', '\r=x', "'=x", "''+x"]) {
    t.equal(toSpreadsheetText(value)[0], "'", `${JSON.stringify(value)} starts with an apostrophe`);
    t.equal(fromSpreadsheetText(toSpreadsheetText(value)), value, `${JSON.stringify(value)} comes back`);
  }
  for (const value of ['Kaju katli', "Rock'n'roll", "'quoted'", '100%']) t.equal(toSpreadsheetText(value), value, `${value} is left alone`);
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, persistence } = fixture;

    t.test('round trip: export, import into an empty store, export again: the same file', async (t) => {
      const { store } = await openStore(dukaan);
      const sweets = await dukaan.catalog.createCategory(store.id, { name: 'Sweets' });
      await dukaan.catalog.createProduct(store.id, { name: '=HYPERLINK("http://evil.example","x")', price: 1000, description: '-rm -rf, "quoted"\nsecond line' });
      await dukaan.catalog.createProduct(store.id, {
        name: 'Kaju katli काजू',
        description: 'Fresh',
        categoryId: sweets.id,
        options: [
          { name: 'Weight', values: ['250 g', '500 g'] },
          { name: 'Box', values: ['Plain', 'Gift'] },
        ],
        variants: [
          { options: { Weight: '250 g', Box: 'Plain' }, price: 24900, stock: 10, sku: 'KK-250-P' },
          { options: { Weight: '250 g', Box: 'Gift' }, price: 27900, compareAtPrice: 29900, stock: 0, sku: 'KK-250-G' },
          { options: { Weight: '500 g', Box: 'Plain' }, price: 47900, active: false },
        ],
      });
      await dukaan.catalog.createProduct(store.id, { name: 'Hidden tea', price: 12050, stock: 5, sku: 'TEA-1', compareAtPrice: 15000, active: false });
      const first = await exported(dukaan, store.id);
      const records = csvRecords(t, Buffer.from(first));
      t.equal(records.length, 5, 'one row per variant');
      t.equal(records[0]?.name, `'=HYPERLINK("http://evil.example","x")`, 'a formula is neutralised');
      t.equal(records[0]?.description, `'-rm -rf, "quoted"\nsecond line`);
      t.match(records[1], { handle: 'kaju-katli-काजू', name: 'Kaju katli काजू', category: 'Sweets', 'option1 name': 'Weight', 'option1 value': '250 g', 'option2 name': 'Box', 'option2 value': 'Plain', price: '249.00', stock: '10', sku: 'KK-250-P', 'variant available': 'true' });
      t.match(records[2], { handle: 'kaju-katli-काजू', name: '', 'option1 name': '', 'option1 value': '250 g', mrp: '299.00', stock: '0' });
      t.match(records[3], { stock: '', 'variant available': 'false' });

      const { store: empty } = await openStore(dukaan);
      const result = await dukaan.catalog.importProducts(empty.id, first);
      t.same(result, { rows: 5, created: 3, updated: 0, errors: [], applied: true });
      const again = await exported(dukaan, empty.id);
      t.equal(again, first, 'the second export is the same file');
      const products = await persistence.products.listAll(empty.id);
      t.equal(products[0]?.name, '=HYPERLINK("http://evil.example","x")', 'the text itself comes back');
      t.same((await dukaan.catalog.listCategories(empty.id)).map((c) => c.name), ['Sweets'], 'the missing category was made');

      const stamps = async () => (await persistence.products.listAll(store.id)).map((p) => p.updatedAt);
      const before = await stamps();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const back = await dukaan.catalog.importProducts(store.id, first);
      t.match(back, { created: 0, updated: 3, errors: [], applied: true }, 'imported into its own store, every product is matched');
      t.equal(await exported(dukaan, store.id), first, 'and nothing changes');
      t.same(await stamps(), before, 'products the file leaves as they are are not written');
      const edited = first.replace(',120.50,150.00,5,TEA-1,', ',125.00,150.00,7,TEA-1,');
      t.not(edited, first);
      t.match(await dukaan.catalog.importProducts(store.id, edited), { updated: 3, errors: [] });
      const after = await stamps();
      t.same(after.map((stamp, i) => stamp === before[i]), [true, true, false], 'only the edited product was written');
      t.match((await persistence.products.listAll(store.id))[2], { price: 12500, stock: 7 });
    });

    t.test('dry run: counts and problems, nothing written', async (t) => {
      const { store } = await openStore(dukaan);
      const file = csv([
        { handle: 'chai', name: 'Chai', category: 'Tea', price: '120.00' },
        { name: 'Samosa', price: '15' },
      ]);
      const result = await dukaan.catalog.importProducts(store.id, file, { dryRun: true });
      t.same(result, { rows: 2, created: 2, updated: 0, errors: [], applied: false });
      t.same(await persistence.products.listAll(store.id), [], 'no product');
      t.same(await dukaan.catalog.listCategories(store.id), [], 'no category');
      const applied = await dukaan.catalog.importProducts(store.id, file);
      t.match(applied, { created: 2, applied: true });
      t.same((await persistence.products.listAll(store.id)).map((p) => p.slug), ['chai', 'samosa'], 'a link is made from the name when the handle is blank');
    });

    t.test('bad rows: every problem by row and column, and nothing is written', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.catalog.createProduct(store.id, { name: 'Taken', price: 100, sku: 'TAKEN' });
      const file = csv([
        { handle: 'good', name: 'Good', price: '10.00', category: 'New category' },
        { handle: 'bad', name: 'Bad', price: 'ten', stock: '-3', visible: 'maybe' },
        { handle: 'shirt', name: 'Shirt', 'option1 name': 'Size', 'option1 value': 'M', price: '100', mrp: '90' },
        { handle: 'shirt', 'option1 value': 'm', price: '100' },
        { handle: 'shirt', price: '100', sku: 'TAKEN' },
        { handle: 'nul', name: 'Nul\u0000byte', price: '1' },
        { handle: 'Bad Handle!', name: 'X', price: '1' },
        { price: '1' },
      ]);
      const result = await dukaan.catalog.importProducts(store.id, file);
      t.equal(result.applied, false);
      const at = (row: number, column: string | null) => result.errors.find((e) => e.row === row && e.column === column);
      t.ok(at(3, 'price'), 'a price that is not an amount: row 3, price');
      t.ok(at(3, 'stock'), 'a negative stock');
      t.ok(at(3, 'visible'), 'not true or false');
      t.ok(at(4, 'mrp'), 'an MRP under the price');
      t.ok(at(5, 'option1 value'), 'the same combination twice (values match in any case)');
      t.ok(at(6, 'option1 value'), 'a variant without its option value');
      t.ok(at(7, 'name'), 'a NUL byte');
      t.ok(at(8, 'handle'), 'a handle that is not a link');
      t.ok(at(9, 'handle'), 'a row with neither handle nor name');
      t.ok(result.errors.every((e) => typeof e.message === 'string' && e.message.length > 5), 'each with a message');
      t.same(result.errors, [...result.errors].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '')), 'sorted by row');
      t.equal((await persistence.products.listAll(store.id)).length, 1, 'nothing was written');
      t.same(await dukaan.catalog.listCategories(store.id), [], 'not even the category');

      const twice = await dukaan.catalog.importProducts(store.id, csv([
        { handle: 'a', name: 'A', price: '1', sku: 'DUP' },
        { handle: 'b', name: 'B', price: '1', sku: 'DUP' },
        { handle: 'c', name: 'C', price: '1', sku: 'TAKEN-NOT' },
        { handle: 'c', price: '2' },
      ]));
      t.ok(twice.errors.find((e) => e.row === 3 && e.column === 'sku'), 'a SKU twice in the file');
      t.ok(twice.errors.find((e) => e.row === 5), 'a second row for a product without options');
    });

    t.test('updates: matched by handle or SKU; variants keep their ids; SKUs may move between changed products', async (t) => {
      const { store } = await openStore(dukaan);
      const shirt = await dukaan.catalog.createProduct(store.id, {
        name: 'Shirt',
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { options: { Size: 'S' }, price: 50000, sku: 'SH-S' },
          { options: { Size: 'M' }, price: 50000, sku: 'SH-M' },
        ],
      });
      const cap = await dukaan.catalog.createProduct(store.id, { name: 'Cap', price: 20000, sku: 'CAP' });
      const refused = await dukaan.catalog.importProducts(store.id, csv([
        { handle: 'shirt', name: 'Shirt', 'option1 name': 'Size', 'option1 value': 'M', price: '550.00', sku: 'SH-M' },
        { handle: 'shirt', 'option1 value': 'L', price: '600.00', sku: 'SH-L' },
        { handle: 'shirt', 'option1 value': 'S', price: '500.00', sku: 'CAP' },
        { handle: 'new-cap', name: 'Blue cap', price: '210', sku: 'SH-S' },
      ]));
      t.match(refused.errors, [{ row: 4, column: 'sku', message: /belongs to "Cap" \(cap\), which this file does not change/ }], 'a SKU of a product left alone is refused');
      const result = await dukaan.catalog.importProducts(store.id, csv([
        { handle: 'shirt', name: 'Shirt', 'option1 name': 'Size', 'option1 value': 'M', price: '550.00', sku: 'SH-M' },
        { handle: 'shirt', 'option1 value': 'L', price: '600.00', sku: 'SH-L' },
        { handle: 'shirt', 'option1 value': 'S', price: '500.00', sku: 'CAP' },
        { handle: 'new-cap', name: 'Blue cap', price: '210', sku: 'SH-S' },
        { handle: 'cap', name: 'Cap', price: '200', sku: 'CAP-2' },
      ]));
      t.match(result, { rows: 5, created: 1, updated: 2, errors: [], applied: true });
      const after = await dukaan.catalog.getProduct(store.id, shirt.id);
      t.same(after.variants.map((v) => [v.options.Size, v.price, v.sku]), [['M', 55000, 'SH-M'], ['L', 60000, 'SH-L'], ['S', 50000, 'CAP']]);
      t.equal(after.variants[0]?.id, shirt.variants[1]?.id, 'M kept its id (matched by SKU)');
      t.equal(after.variants[2]?.id, shirt.variants[0]?.id, 'S kept its id (matched by its options)');
      t.equal((await dukaan.catalog.getProduct(store.id, cap.id)).sku, 'CAP-2', 'the SKU moved from the cap to the shirt');

      const bySku = await dukaan.catalog.importProducts(store.id, csv([{ name: 'Renamed cap', price: '199.00', sku: 'SH-S' }]));
      t.match(bySku, { created: 0, updated: 1, errors: [] }, 'a row without a handle, matched by its SKU');
      const caps = (await persistence.products.listAll(store.id)).filter((p) => p.sku === 'SH-S');
      t.match(caps, [{ name: 'Renamed cap', price: 19900, slug: 'new-cap' }], 'it keeps its link');
    });

    t.test('file problems: columns, quotes, semicolons, empty', async (t) => {
      const { store } = await openStore(dukaan);
      const unknown = await dukaan.catalog.importProducts(store.id, 'handle,name,prce\r\nx,X,1\r\n');
      t.match(unknown.errors, [{ row: 1, column: 'prce' }, { row: 1, column: 'price', message: /needs a "price" column/ }]);
      const quotes = await dukaan.catalog.importProducts(store.id, 'name,price\r\nA,1\r\n"B,2\r\n');
      t.match(quotes.errors, [{ row: 3, column: null, message: /quote/ }]);
      const semicolons = await dukaan.catalog.importProducts(store.id, 'name;price\r\nA;1\r\n');
      t.match(semicolons.errors, [{ row: 1, message: /semicolons/ }]);
      t.match((await dukaan.catalog.importProducts(store.id, '')).errors, [{ row: 1, message: /empty/ }]);
      const latin1 = Buffer.concat([Buffer.from('name,price\r\nCr'), Buffer.from([0xe8]), Buffer.from('me,1\r\n')]);
      t.match((await dukaan.catalog.importProducts(store.id, latin1)).errors, [{ row: 2, column: 'name', message: /UTF-8/ }]);
      const gap = await dukaan.catalog.importProducts(store.id, 'name,price\r\nA,1\r\n\r\nB,x\r\n');
      t.match(gap.errors, [{ row: 4, column: 'price' }], 'an empty line counts as a row, as in a spreadsheet');
      const minimal = await dukaan.catalog.importProducts(store.id, ' Name , PRICE \r\nA,1\r\n,,\r\n');
      t.match(minimal, { rows: 1, created: 1, errors: [] }, 'column names in any case; blank rows skipped');
      t.equal((await persistence.products.listAll(store.id)).length, 1);
    });

    t.test('the template imports as it is', async (t) => {
      const { store } = await openStore(dukaan);
      const template = await dukaan.catalog.productCsvTemplate();
      t.ok(template.startsWith(`\ufeff${header}\r\n`));
      t.match(await dukaan.catalog.importProducts(store.id, template), { rows: 4, created: 2, errors: [] });
    });

    t.test('10,000 rows', async (t) => {
      const { store } = await openStore(dukaan);
      const rows: Array<Partial<Record<(typeof productCsvColumns)[number], string>>> = [];
      for (let p = 0; rows.length < 10_000; p++) {
        if (p % 2 === 0) {
          rows.push({ handle: `simple-${p}`, name: `Simple ${p}`, description: 'A plain product', category: `Category ${p % 20}`, price: `${p}.50`, stock: String(p % 50), sku: `S-${p}` });
          continue;
        }
        const weights = ['250 g', '500 g', '1 kg'];
        weights.forEach((weight, i) => {
          rows.push({ handle: `sweet-${p}`, ...(i === 0 ? { name: `Sweet ${p}`, category: `Category ${p % 20}`, 'option1 name': 'Weight' } : {}), 'option1 value': weight, price: `${100 + i * 100}.00`, mrp: `${150 + i * 100}.00`, sku: `W-${p}-${i}` });
        });
      }
      const file = csv(rows.slice(0, 10_000));
      t.ok(Buffer.byteLength(file) < 10 * 1024 * 1024, 'under the 10 MB API limit');
      const started = performance.now();
      let last = 0;
      let phase = '';
      const result = await dukaan.catalog.importProducts(store.id, file, { onProgress: (p) => {
        if (p.phase !== phase) t.comment(`${p.phase} from ${((performance.now() - started) / 1000).toFixed(1)} s`);
        phase = p.phase;
        last = p.done;
      } });
      const seconds = (performance.now() - started) / 1000;
      t.comment(`${variant.name}: imported 10,000 rows (${result.created} products) in ${seconds.toFixed(1)} s`);
      t.match(result, { rows: 10_000, updated: 0, errors: [], applied: true });
      t.ok(last > 0, 'progress was reported');
      t.equal((await persistence.products.listAll(store.id)).length, result.created);
      const dry = performance.now();
      const again = await dukaan.catalog.importProducts(store.id, file, { dryRun: true });
      t.comment(`${variant.name}: dry run of the same file against the imported store in ${((performance.now() - dry) / 1000).toFixed(1)} s`);
      t.match(again, { created: 0, updated: result.created, errors: [] });
    });
  });
}
