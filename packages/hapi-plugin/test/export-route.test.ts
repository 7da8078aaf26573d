import t from 'tap';
import { client, json, multipart, placeOrder, tinyPng } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';
import { readZip } from './support/zip.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('GET /me/export streams a zip of the account, as an attachment no cache keeps', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ name: 'Masala Chai', price: 24900, sku: 'CHAI-1' });
      const image = multipart('file', 'a.png', tinyPng);
      t.equal((await server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...image.headers }, payload: image.payload })).statusCode, 201);
      const order = json(await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 2 }]));

      const response = await api.get('/api/v1/me/export');
      t.equal(response.statusCode, 200);
      t.match(response.headers['content-type'], /^application\/zip/);
      t.match(response.headers['content-disposition'], /^attachment; filename="dukaan-[a-z0-9-]+-export-\d{4}-\d{2}-\d{2}\.zip"$/);
      t.match(response.headers['cache-control'], /no-store/);
      const entries = await readZip(response.rawPayload);
      for (const name of ['README.txt', 'account.json', 'store.json', 'categories.json', 'products.json', 'orders.json', 'products.csv', 'orders.csv']) t.ok(entries.has(name), name);
      t.equal(JSON.parse(entries.get('account.json')!.toString('utf8')).email, vendor.email);
      t.equal(JSON.parse(entries.get('store.json')!.toString('utf8')).slug, vendor.store.slug);
      const orders = JSON.parse(entries.get('orders.json')!.toString('utf8')) as Array<{ number: number }>;
      t.same(orders.map((o) => o.number), [order.number]);
      t.match(entries.get('products.csv')!.toString('utf8'), 'CHAI-1');
      const images = [...entries.keys()].filter((name) => name.startsWith('images/'));
      // A 1×1 upload is stored at its own width, as WebP and JPEG: both files are in the archive.
      t.equal(images.length, 2, 'the product picture is included');
      t.ok(images.some((name) => name.endsWith('.jpg') && entries.get(name)!.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))), 'its JPEG');
      t.ok(images.some((name) => name.endsWith('.webp') && entries.get(name)!.subarray(8, 12).toString('latin1') === 'WEBP'), 'its WebP');
      t.notMatch(entries.get('account.json')!.toString('utf8'), /password|hash/i, 'never the password hash');
    });

    t.test("another vendor's export holds nothing of this one; without a login it is 401", async (t) => {
      const vendor = await signUp(server);
      await client(server, vendor.headers).product({ name: 'Secret Recipe Chai' });
      const other = await signUp(server);
      const entries = await readZip((await client(server, other.headers).get('/api/v1/me/export')).rawPayload);
      for (const [name, bytes] of entries) t.notMatch(bytes.toString('utf8'), /Secret Recipe Chai/, name);
      t.equal((await server.inject('/api/v1/me/export')).statusCode, 401);
    });

    t.test('with the session cookie, a navigation from another site exports nothing; a token or this site does', async (t) => {
      const vendor = await signUp(server);
      const get = (headers: Record<string, string>) => server.inject({ url: '/api/v1/me/export', headers });
      for (const site of ['cross-site', 'same-site']) {
        const refused = await get({ ...vendor.headers, 'sec-fetch-site': site });
        t.equal(refused.statusCode, 403, `Sec-Fetch-Site: ${site}`);
        t.equal(json(refused).code, 'FORBIDDEN');
        t.notMatch(String(refused.headers['content-type']), /zip/);
      }
      // A vendor each: an export holds its vendor's slot until its stream has closed, a tick after the reply.
      for (const site of ['same-origin', 'none']) {
        const own = await signUp(server);
        t.equal((await get({ ...own.headers, 'sec-fetch-site': site })).statusCode, 200, `Sec-Fetch-Site: ${site}`);
      }
      const token = json(await server.inject({ method: 'POST', url: '/api/v1/tokens', headers: vendor.headers, payload: { name: 'backup' } })).token as string;
      t.equal((await get({ authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' })).statusCode, 200, 'an API token is never sent by a browser on its own');
    });
  });
}
