// A product's photos through the API and the dashboard page (no JavaScript): several at once,
// at most 8, reordered, a cover chosen, deleted; served with a long cache; on both databases.
import sharp from 'sharp';
import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { Browser } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

/** Distinct JPEG photos (each its own colour), `width`×`height`. */
async function photos(count: number, width = 800, height = 600, seed = 0): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const colour = `#${(((seed * 17 + i + 1) * 0x2f3a51) & 0xffffff).toString(16).padStart(6, '0')}`;
    out.push(await sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer());
  }
  return out;
}

/** A multipart body where a field may repeat (several files under one name, as `<input multiple>` sends). */
function multipartFiles(fields: Record<string, string>, files: Array<{ name: string; filename: string; bytes: Buffer; type?: string }>) {
  const boundary = `----dukaanphotos${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const asFiles = (name: string, list: Buffer[]) => list.map((bytes, i) => ({ name, filename: `IMG_${i + 1}.jpg`, bytes }));

let n = 0;
/** A browser logged in as a new vendor through the signup form, and its cookie for the API. */
async function signedUp(server: Parameters<typeof client>[0]) {
  const browser = new Browser(server);
  await browser.get('/signup');
  n += 1;
  const response = await browser.post('/signup', { email: `photos${n}.${process.pid}@example.com`, password: 'correct horse battery', storeName: `Photo Shop ${n}`, slug: '' });
  if (response.statusCode !== 303) throw new Error(`signup failed: ${response.statusCode}`);
  return { browser, headers: { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` } };
}

/** The photo keys of the photos page, in order. */
const keysOf = (html: string) => [...html.matchAll(/<li data-key="([^"]+)"/g)].map((m) => m[1]!);

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('API: several photos in one upload, resized, listed with srcsets, served for a year', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      const upload = (files: Array<{ name: string; filename: string; bytes: Buffer; type?: string }>, id = product.id, headers = vendor.headers) => {
        const body = multipartFiles({}, files);
        return server.inject({ method: 'POST', url: `/api/v1/products/${id}/images`, headers: { ...headers, ...body.headers }, payload: body.payload });
      };
      const three = await photos(3, 1600, 1200);
      const ok = await upload(asFiles('file', three));
      t.equal(ok.statusCode, 201, ok.payload);
      const { url, urls } = json(ok);
      t.equal(urls.length, 3);
      t.equal(url, urls[0]);
      for (const u of urls) t.match(u, new RegExp(`^/media/${vendor.store.id}/${product.id}/[\\w-]{22}-960w\\.jpg$`));
      const view = json(await api.get(`/api/v1/products/${product.id}`));
      t.same(view.images, urls);
      t.equal(view.pictures.length, 3);
      t.match(view.pictures[0], { url: urls[0], width: 960, height: 720, srcsetWebp: /-200w\.webp 200w, .+-480w\.webp 480w, .+-960w\.webp 960w$/, srcsetJpeg: /-200w\.jpg 200w/ });

      const served = await server.inject(view.pictures[0].srcsetWebp.split(' ')[0]);
      t.equal(served.statusCode, 200);
      t.equal(served.headers['content-type'], 'image/webp');
      t.match(served.headers['cache-control'], /max-age=31536000.*immutable|immutable.*max-age=31536000/);
      t.equal((await sharp(served.rawPayload).metadata()).width, 200);

      const store = json(await server.inject(`/api/v1/stores/${vendor.store.slug}`));
      t.match(store.products[0].pictures[0], { url: urls[0], width: 960, height: 720 }, 'customers get the sizes too');

      const six = await photos(6, 400, 300, 1);
      const tooMany = await upload(asFiles('file', six));
      t.equal(tooMany.statusCode, 400);
      t.match(errorOf(tooMany).details ?? json(tooMany).details, [{ path: 'file', message: /at most 8 pictures: it has 3, so add at most 5 more/ }]);
      const mixed = await upload([...asFiles('file', six.slice(0, 2)), { name: 'file', filename: 'notes.jpg', bytes: Buffer.from('%PDF-1.7 not a photo'), type: 'image/jpeg' }]);
      t.equal(mixed.statusCode, 400);
      t.match(json(mixed).details, [{ path: 'file', message: 'Picture 3: the file must be a JPEG, PNG or WebP image' }]);
      t.equal(json(await api.get(`/api/v1/products/${product.id}`)).images.length, 3, 'a refused batch adds none');

      const none = await upload([]);
      t.equal(none.statusCode, 400);
      t.same(errorOf(none).paths, ['file']);
      const other = await signUp(server);
      const elsewhere = await upload(asFiles('file', six.slice(0, 1)), product.id, other.headers);
      t.equal(elsewhere.statusCode, 404, "another store's product");
    });

    t.test('API: a decompression bomb is refused from its header, fast', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      const bomb = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
      const body = multipartFiles({}, [{ name: 'file', filename: 'bomb.png', bytes: bomb, type: 'image/png' }]);
      const started = Date.now();
      const refused = await server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...body.headers }, payload: body.payload });
      t.equal(refused.statusCode, 400);
      t.match(json(refused).details, [{ path: 'file', message: /9000×9000 pixels; it may be at most 10000 pixels on a side and 40 megapixels/ }]);
      t.ok(Date.now() - started < 2000, 'refused before decoding 81 megapixels');
    });

    t.test('API: reorder by URL (first is the cover) and delete', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      const body = multipartFiles({}, asFiles('file', await photos(3, 500, 500, 2)));
      const { urls } = json(await server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...body.headers }, payload: body.payload }));
      const put = (payload: unknown) => server.inject({ method: 'PUT', url: `/api/v1/products/${product.id}/images`, headers: vendor.headers, payload: payload as object });
      const reordered = await put({ images: [urls[2], urls[0]] });
      t.equal(reordered.statusCode, 200, reordered.payload);
      t.same(json(reordered).images, [urls[2], urls[0], urls[1]]);
      const unknown = await put({ images: ['/media/../../etc/passwd'] });
      t.equal(unknown.statusCode, 400);
      t.match(json(unknown).details, [{ path: 'images', message: /no longer on this product/ }]);
      t.equal((await put({ images: [] })).statusCode, 400);
      t.equal((await put({ images: 'x' })).statusCode, 400);
      const removed = await server.inject({ method: 'DELETE', url: `/api/v1/products/${product.id}/images?url=${encodeURIComponent(urls[2])}`, headers: vendor.headers });
      t.equal(removed.statusCode, 204);
      t.same(json(await api.get(`/api/v1/products/${product.id}`)).images, [urls[0], urls[1]]);
      t.equal((await server.inject(urls[2])).statusCode, 404, 'its files are gone');
      const again = await server.inject({ method: 'DELETE', url: `/api/v1/products/${product.id}/images?url=${encodeURIComponent(urls[2])}`, headers: vendor.headers });
      t.equal(again.statusCode, 404);
      t.equal((await server.inject({ method: 'DELETE', url: `/api/v1/products/${product.id}/images`, headers: vendor.headers })).statusCode, 400, 'which photo must be said');
    });

    t.test('page: upload several, make one the cover, move, delete, all without JavaScript', async (t) => {
      const { browser, headers } = await signedUp(server);
      const api = client(server, headers);
      const product = await api.product({ name: 'Kaju katli' });
      const page = `/dashboard/products/${product.id}/photos`;
      const empty = await browser.get(page);
      t.equal(empty.statusCode, 200, empty.payload.slice(0, 400));
      t.match(empty.payload, /<input[^>]*type="file"[^>]*multiple|<input[^>]*multiple[^>]*type="file"/, 'one input takes several files');
      t.match(empty.payload, /Photos \(0 of 8\)/);

      const body = multipartFiles({ crumb: browser.crumb ?? '' }, asFiles('files', await photos(3, 1200, 900, 3)));
      const uploaded = await server.inject({ method: 'POST', url: page, headers: { ...body.headers, cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, payload: body.payload });
      t.equal(uploaded.statusCode, 303, uploaded.payload.slice(0, 500));
      t.equal(uploaded.headers.location, `${page}?done=created`);
      const listed = await browser.get(`${page}?done=created`);
      t.match(listed.payload, /Added\./);
      const keys = keysOf(listed.payload);
      t.equal(keys.length, 3);
      t.match(listed.payload, /<picture><source type="image\/webp" srcset="[^"]+200w, [^"]+480w, [^"]+960w" sizes="120px"\/?>/);
      t.match(listed.payload, /<img [^>]*width="960" height="720"/);

      const cover = await browser.post(`${page}/arrange`, { key: keys[2]!, move: 'cover' });
      t.equal(cover.statusCode, 303);
      t.same(keysOf((await browser.get(page)).payload), [keys[2], keys[0], keys[1]]);
      await browser.post(`${page}/arrange`, { key: keys[1]!, move: 'earlier' });
      t.same(keysOf((await browser.get(page)).payload), [keys[2], keys[1], keys[0]]);
      await browser.post(`${page}/arrange`, { key: keys[2]!, move: 'later' });
      const now = keysOf((await browser.get(page)).payload);
      t.same(now, [keys[1], keys[2], keys[0]]);
      t.same(json(await api.get(`/api/v1/products/${product.id}`)).images.map((u: string) => u.replace(/^\/media\//, '')), now, 'the API agrees');

      const deleted = await browser.post(`${page}/delete`, { key: keys[2]! });
      t.equal(deleted.statusCode, 303);
      t.same(keysOf((await browser.get(page)).payload), [keys[1], keys[0]]);
      const stale = await browser.post(`${page}/delete`, { key: keys[2]! });
      t.equal(stale.statusCode, 404);
      t.match(stale.payload, /already gone/);
      const staleMove = await browser.post(`${page}/arrange`, { key: keys[2]!, move: 'cover' });
      t.equal(staleMove.statusCode, 409);
      t.match(staleMove.payload, /no longer on this product/);
      const odd = await browser.post(`${page}/arrange`, { key: keys[1]!, move: 'sideways' });
      t.equal(odd.statusCode, 409);
    });

    t.test('page: a bad file is named and nothing is added; logged-out and cross-site posts are refused', async (t) => {
      const { browser, headers } = await signedUp(server);
      const api = client(server, headers);
      const product = await api.product({ name: 'Barfi' });
      const page = `/dashboard/products/${product.id}/photos`;
      await browser.get(page);
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const post = (files: Array<{ name: string; filename: string; bytes: Buffer; type?: string }>, crumb = browser.crumb ?? '') => {
        const body = multipartFiles({ crumb }, files);
        return server.inject({ method: 'POST', url: page, headers: { ...body.headers, cookie }, payload: body.payload });
      };
      const [good] = await photos(1, 300, 300, 4);
      const bad = await post([...asFiles('files', [good!]), { name: 'files', filename: 'evil.svg', bytes: Buffer.from('<svg onload=alert(1)>'), type: 'image/svg+xml' }]);
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /Picture 2: the file must be a JPEG, PNG or WebP image/);
      t.match(bad.payload, /Photos \(0 of 8\)/, 'nothing was added');
      const nothing = await post([]);
      t.equal(nothing.statusCode, 400);
      t.match(nothing.payload, /Choose one or more photos/);
      const noCrumb = await post(asFiles('files', [good!]), 'forged');
      t.equal(noCrumb.statusCode, 403);
      const loggedOut = await server.inject(page);
      t.equal(loggedOut.statusCode, 303);
      t.match(loggedOut.headers.location, /^\/login\?next=/);
      const other = await signedUp(server);
      t.equal((await other.browser.get(page)).statusCode, 404, "another vendor's product is not found");
      t.equal((await browser.get('/dashboard/products/not-an-id/photos')).statusCode, 404);
    });

    t.test('page: eight photos in one post fit in the body limit; a full product offers no upload', async (t) => {
      const { browser, headers } = await signedUp(server);
      const api = client(server, headers);
      const product = await api.product({ name: 'Gift box' });
      const page = `/dashboard/products/${product.id}/photos`;
      await browser.get(page);
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      // Noise does not compress: about 1.4 MB each, 11 MB in one post (over a one-file limit).
      const big = await Promise.all(
        Array.from({ length: 8 }, (_, i) => sharp(Buffer.from(Array.from({ length: 900 * 700 * 3 }, (_, j) => (j * 7919 + i * 104729) % 251)), { raw: { width: 900, height: 700, channels: 3 } }).jpeg({ quality: 100 }).toBuffer()),
      );
      const body = multipartFiles({ crumb: browser.crumb ?? '' }, asFiles('files', big));
      t.ok(body.payload.length > 6 * 1024 * 1024, `the post is ${(body.payload.length / 1024 / 1024).toFixed(1)} MB`);
      const all = await server.inject({ method: 'POST', url: page, headers: { ...body.headers, cookie }, payload: body.payload });
      t.equal(all.statusCode, 303, all.payload.slice(0, 300));
      const full = await browser.get(page);
      t.equal(keysOf(full.payload).length, 8);
      t.match(full.payload, /the most it can have/);
      t.notMatch(full.payload, /type="file"/, 'no upload form when full');
    });
  });
}
