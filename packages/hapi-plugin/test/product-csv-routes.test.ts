// The catalogue CSV through the API: import (dry run, errors, all or nothing, 10 MB), export and template.
import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { csvRecords } from './support/csv.js';
import { serverVariants, signUp } from './support/server.js';

const header = 'handle,name,description,category,visible,option1 name,option1 value,option2 name,option2 value,option3 name,option3 value,price,mrp,stock,sku,variant available';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const importCsv = (headers: Record<string, string>, body: string | Buffer, query = '', type = 'text/csv') =>
      server.inject({ method: 'POST', url: `/api/v1/products/import${query}`, headers: { ...headers, 'content-type': type }, payload: body });

    t.test('export, import into another store (dry run, then applied), export again: the same file', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      await api.product({ name: '=cmd|calc', price: 12000, stock: 4, sku: 'A-1' });
      await api.product({
        name: 'Laddoo',
        price: undefined,
        options: [{ name: 'Weight', values: ['250 g', '500 g'] }],
        variants: [
          { options: { Weight: '250 g' }, price: 15000, stock: 3, sku: 'L-250' },
          { options: { Weight: '500 g' }, price: 28000, compareAtPrice: 30000 },
        ],
      });
      const exported = await api.get('/api/v1/products/export');
      t.equal(exported.statusCode, 200);
      t.match(exported.headers['content-type'], /^text\/csv; charset=utf-8/);
      t.match(exported.headers['content-disposition'], /^attachment; filename="products-shop-[\w-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
      t.equal(exported.headers['cache-control'], 'no-store, private');
      const records = csvRecords(exported.payload);
      t.equal(records.length, 3, 'one row per variant');
      t.equal(records[0]?.name, "'=cmd|calc", 'the formula is neutralised');

      const other = await signUp(server);
      const dry = await importCsv(other.headers, exported.rawPayload, '?dryRun=1');
      t.equal(dry.statusCode, 200);
      t.same(json(dry), { rows: 3, created: 2, updated: 0, errors: [], applied: false });
      t.same(json(await client(server, other.headers).get('/api/v1/products?limit=10')).items, [], 'the dry run wrote nothing');
      const applied = await importCsv(other.headers, exported.rawPayload);
      t.same(json(applied), { rows: 3, created: 2, updated: 0, errors: [], applied: true });
      const again = await client(server, other.headers).get('/api/v1/products/export');
      t.equal(again.payload, exported.payload, 'the same file');
      const products = json(await client(server, other.headers).get('/api/v1/products?limit=10')).items;
      t.same(products.map((p: { name: string }) => p.name).sort(), ['=cmd|calc', 'Laddoo']);
    });

    t.test('problems by row and column with a 200, nothing written; 4xx for what is not a CSV upload', async (t) => {
      const vendor = await signUp(server);
      const body = `${header}\r\nok,OK,,,,,,,,,,1.00,,,,\r\nbad,Bad,,,,,,,,,,abc,,x,,\r\n`;
      const response = await importCsv(vendor.headers, body);
      t.equal(response.statusCode, 200);
      const result = json(response);
      t.match(result, { rows: 2, applied: false });
      t.same(result.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[3, 'price'], [3, 'stock']]);
      t.same(json(await client(server, vendor.headers).get('/api/v1/products?limit=10')).items, [], 'not even the good row');

      t.equal((await importCsv(vendor.headers, body, '', 'application/json')).statusCode, 415, 'JSON is not a CSV');
      t.equal((await importCsv(vendor.headers, body, '', 'text/plain')).statusCode, 415, 'text/plain is refused: a cross-site form could send it');
      t.equal((await importCsv({}, body)).statusCode, 401);
      const badQuery = await importCsv(vendor.headers, body, '?dryRun=maybe');
      t.equal(badQuery.statusCode, 400);
      t.match(errorOf(badQuery), { code: 'VALIDATION_FAILED', details: [{ path: 'dryRun' }] });
      const tooBig = await importCsv(vendor.headers, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
      t.equal(tooBig.statusCode, 413, 'over 10 MB');
      const empty = await importCsv(vendor.headers, '');
      t.equal(empty.statusCode, 200);
      t.match(json(empty).errors, [{ row: 1, message: /empty/ }]);
      const nul = await importCsv(vendor.headers, `name,price\r\nA\u0000B,1\r\n`);
      t.match(json(nul).errors, [{ row: 2, column: 'name', message: /NUL/ }]);
    });

    t.test('the template downloads and imports as it is', async (t) => {
      const vendor = await signUp(server);
      const template = await client(server, vendor.headers).get('/api/v1/products/import/template');
      t.equal(template.statusCode, 200);
      t.match(template.headers['content-disposition'], 'attachment; filename="products-template.csv"');
      t.ok(template.payload.startsWith(`\ufeff${header}\r\n`));
      t.match(json(await importCsv(vendor.headers, template.rawPayload)), { created: 2, errors: [], applied: true });
    });
  });
}
