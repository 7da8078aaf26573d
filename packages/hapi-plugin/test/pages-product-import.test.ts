// The dashboard's import page without JavaScript (a plain multipart post answered by the page
// and its report), and the progress stream its script reads.
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, multipartBody } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

const header = 'handle,name,description,category,visible,option1 name,option1 value,option2 name,option2 value,option3 name,option3 value,price,mrp,stock,sku,variant available';
const good = `${header}\r\nbarfi,Barfi,Milk fudge,Sweets,true,Weight,250 g,,,,,120.00,,5,BF-250,true\r\nbarfi,,,,,,500 g,,,,,230.00,250.00,,BF-500,true\r\n`;
const bad = `${header}\r\nbarfi,Barfi,,,,,,,,,,12O.00,,,,\r\n`;
const csvFile = (text: string) => ({ file: { filename: 'products.csv', bytes: Buffer.from(text), type: 'text/csv' } });

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    async function vendorBrowser() {
      const vendor = await signUp(server);
      const browser = new Browser(server);
      browser.cookies.set('dukaan_session', vendor.cookie.split('=').slice(1).join('='));
      return { vendor, browser, api: client(server, vendor.headers) };
    }

    t.test('check, then import, without JavaScript', async (t) => {
      const { browser, api } = await vendorBrowser();
      const page = await browser.get('/dashboard/products/import');
      t.equal(page.statusCode, 200);
      t.match(page.payload, 'enctype="multipart/form-data"');
      t.match(page.payload, 'name="mode" value="check"');
      t.match(page.payload, 'href="/api/v1/products/import/template"');
      t.match(page.payload, 'data-island="product-import"');

      const checked = await browser.postMultipart('/dashboard/products/import', { mode: 'check' }, csvFile(good));
      t.equal(checked.statusCode, 200);
      t.match(checked.payload, /2 rows would give 1 new product and 0 products changed/);
      t.equal(json(await api.get('/api/v1/products?limit=5')).items.length, 0, 'the check wrote nothing');

      const imported = await browser.postMultipart('/dashboard/products/import', { mode: 'import' }, csvFile(good));
      t.equal(imported.statusCode, 200);
      t.match(imported.payload, /Imported 2 rows: 1 new product and 0 products changed/);
      const [barfi] = json(await api.get('/api/v1/products?limit=5')).items;
      t.match(barfi, { name: 'Barfi', slug: 'barfi', options: [{ name: 'Weight', values: ['250 g', '500 g'] }] });
      t.same(barfi.variants.map((v: { sku: string; price: number }) => [v.sku, v.price]), [['BF-250', 12000], ['BF-500', 23000]]);
    });

    t.test('problems listed by row and column; no file; no crumb; too large', async (t) => {
      const { browser, api } = await vendorBrowser();
      await browser.get('/dashboard/products/import');
      const refused = await browser.postMultipart('/dashboard/products/import', { mode: 'import' }, csvFile(bad));
      t.equal(refused.statusCode, 200);
      t.match(refused.payload, /1 problem in 1 row\. Nothing was changed/);
      t.match(refused.payload, /<td data-label="Row">2<\/td><td data-label="Column">price<\/td><td data-label="Problem">&quot;12O.00&quot; is not a price/);
      t.equal(json(await api.get('/api/v1/products?limit=5')).items.length, 0);

      const none = await browser.postMultipart('/dashboard/products/import', { mode: 'check' });
      t.equal(none.statusCode, 400);
      t.match(none.payload, 'Choose a CSV file first.');

      const forged = await server.inject({ method: 'POST', url: '/dashboard/products/import', headers: { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}`, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
      t.equal(forged.statusCode, 403, 'no CSRF crumb');

      const huge = await browser.postMultipart('/dashboard/products/import', { mode: 'check' }, csvFile('a'.repeat(10 * 1024 * 1024 + 70 * 1024)));
      t.equal(huge.statusCode, 413);
      t.match(huge.headers['content-type'], /text\/html/, 'a page, not JSON');
    });

    t.test('with the progress stream: lines of progress, then the result', async (t) => {
      const { browser, api } = await vendorBrowser();
      await browser.get('/dashboard/products/import');
      const { payload, contentType } = multipartBody({ mode: 'import', crumb: browser.crumb ?? '' }, csvFile(good));
      const response = await server.inject({
        method: 'POST',
        url: '/dashboard/products/import',
        payload,
        headers: { 'content-type': contentType, accept: 'application/x-ndjson', cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      t.equal(response.statusCode, 200);
      t.match(response.headers['content-type'], /^application\/x-ndjson/);
      t.equal(response.headers['cache-control'], 'no-store, private');
      const lines = response.payload.trim().split('\n').map((line) => JSON.parse(line));
      t.ok(lines.some((line) => line.phase === 'reading'), 'reading reported');
      t.same(lines.at(-1), { result: { mode: 'import', rows: 2, created: 1, updated: 0, applied: true, errors: [] } });
      t.equal(json(await api.get('/api/v1/products?limit=5')).items.length, 1);
    });

    t.test('signed out: to the login page', async (t) => {
      const response = await server.inject({ method: 'GET', url: '/dashboard/products/import' });
      t.equal(response.statusCode, 303);
      t.match(response.headers.location, /^\/login\?next=/);
    });
  });
}
