// The dashboard's product form with options and variants, without JavaScript: "Make variants"
// remakes the rows on the server, save sends them, errors sit beside their row's field.
import t from 'tap';
import { client, json, tinyPng } from './support/api.js';
import { Browser } from './support/pages.js';
import { serverVariants } from './support/server.js';

let n = 0;

/** A browser logged in as a new vendor through the signup form. */
async function signedUp(server: Parameters<typeof client>[0]) {
  const browser = new Browser(server);
  await browser.get('/signup');
  n += 1;
  const response = await browser.post('/signup', { email: `variants${n}.${process.pid}@example.com`, password: 'correct horse battery', storeName: `Variant Shop ${n}`, slug: '' });
  if (response.statusCode !== 303) throw new Error(`signup failed: ${response.statusCode}`);
  const headers = { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` };
  const me = json(await server.inject({ url: '/api/v1/me', headers }));
  return { browser, headers, store: me.store as { id: string; slug: string } };
}

/** Every hidden and text field of the product form as a browser would post it (checkboxes only when checked). */
function formFields(html: string): Record<string, string> {
  const form = /<form[^>]*action="\/dashboard\/products[^"]*"[^>]*enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const input of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1] ?? '';
    const name = /\sname="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === 'crumb') continue;
    const type = /\stype="([^"]+)"/.exec(attrs)?.[1] ?? 'text';
    if (type === 'file' || type === 'submit') continue;
    if (type === 'checkbox' && !/\schecked/.test(attrs)) continue;
    out[name] = (/\svalue="([^"]*)"/.exec(attrs)?.[1] ?? (type === 'checkbox' ? 'on' : '')).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  for (const area of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[area[1]!] = area[2] ?? '';
  for (const select of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[select[1]!] = /<option value="([^"]*)" selected/.exec(select[2] ?? '')?.[1] ?? /<option value="([^"]*)"/.exec(select[2] ?? '')?.[1] ?? '';
  }
  return out;
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('make variants from two options, fill them in, save, edit, go back to one price', async (t) => {
      const { browser, headers, store } = await signedUp(server);
      const api = client(server, headers);
      await browser.get('/dashboard/products/new');
      const made = await browser.postMultipart('/dashboard/products', {
        name: 'Kurta',
        price: '899',
        compareAtPrice: '1299',
        stock: '5',
        'options.0.name': 'Size',
        'options.0.values': 'S, M, S',
        'options.1.name': '',
        'options.1.values': '',
        'options.2.name': 'Colour',
        'options.2.values': 'Red, Blue',
        active: 'on',
        intent: 'variants',
      });
      t.equal(made.statusCode, 200, 'nothing saved yet');
      t.match(made.payload, '4 variants from the options');
      t.equal(json(await api.get('/api/v1/products')).items.length, 0);
      for (const combo of ['Size: S · Colour: Red', 'Size: S · Colour: Blue', 'Size: M · Colour: Red', 'Size: M · Colour: Blue']) t.match(made.payload, combo);
      const fields = formFields(made.payload);
      t.equal(fields['options.1.name'], 'Colour', 'the empty middle option closed up');
      t.equal(fields['options.0.values'], 'S, M', 'a repeated value once');
      t.equal(fields['variants.0.price'], '899', 'rows start from the typed price');
      t.equal(fields['variants.0.stock'], '0', 'and count stock from 0');

      // An MRP below the price is named at its row's MRP box; a bad price at its own box.
      const bad = await browser.postMultipart('/dashboard/products', { ...fields, 'variants.1.compareAtPrice': '100', 'variants.2.price': 'lots' });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /id="product-variants\.2\.price"[^>]*aria-invalid="true"/);
      t.match(bad.payload, /Size: M · Colour: Red — Enter a price as a number/);
      t.match(bad.payload, 'value="lots"', 'typed values kept');
      const mrp = await browser.postMultipart('/dashboard/products', { ...fields, 'variants.1.compareAtPrice': '100' });
      t.equal(mrp.statusCode, 400);
      t.match(mrp.payload, /id="product-variants\.1\.compareAtPrice"[^>]*aria-invalid="true"/);
      t.match(mrp.payload, /id="product-variants\.1\.compareAtPrice-error">Size: S · Colour: Blue — MRP must be more than the price/);

      const saved = await browser.postMultipart(
        '/dashboard/products',
        { ...fields, 'variants.1.price': '949', 'variants.1.stock': '3', 'variants.1.sku': 'KUR-S-BLU', 'variants.3.active': '' },
        { images: { filename: 'kurta.png', bytes: tinyPng, type: 'image/png' } },
      );
      t.equal(saved.statusCode, 303, saved.payload.slice(0, 300));
      const id = /\/dashboard\/products\/([\w-]+)\?done=created$/.exec(saved.headers.location as string)?.[1] ?? '';
      const product = json(await api.get(`/api/v1/products/${id}`));
      t.same(product.options, [{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Blue'] }]);
      t.same(
        product.variants.map((v: { options: object; price: number; stock: number | null; sku: string | null; active: boolean }) => [v.options, v.price, v.stock, v.sku, v.active]),
        [
          [{ Size: 'S', Colour: 'Red' }, 89900, 0, null, true],
          [{ Size: 'S', Colour: 'Blue' }, 94900, 3, 'KUR-S-BLU', true],
          [{ Size: 'M', Colour: 'Red' }, 89900, 0, null, true],
          [{ Size: 'M', Colour: 'Blue' }, 89900, 0, null, false],
        ],
      );
      t.equal(product.images.length, 1, 'the picture came along');

      const edit = await browser.get(saved.headers.location as string);
      t.match(edit.payload, '<p>Product added.</p>');
      t.match(edit.payload, `href="/${store.slug}/p/${product.slug}"`, 'View in store');
      t.match(edit.payload, 'href="/dashboard/products/new"', 'Add another');
      t.match(edit.payload, `href="/dashboard/products/${id}/photos"`, 'the photos page');
      t.match(edit.payload, 'Photos (1)');
      t.match(edit.payload, 'Picture 1', 'a picture chooser per row');

      // Edit: a new size keeps the typed rows (ids too), so saving updates them in place.
      const editFields = formFields(edit.payload);
      const more = await browser.postMultipart(`/dashboard/products/${id}`, { ...editFields, 'options.0.values': 'S, M, L', intent: 'variants' });
      t.equal(more.statusCode, 200);
      const moreFields = formFields(more.payload);
      t.equal(moreFields['variants.1.sku'], 'KUR-S-BLU');
      t.equal(moreFields['variants.1.id'], product.variants[1].id);
      t.equal(moreFields['variants.4.price'], '899.00', 'new rows start from the first row');
      const key = product.images[0] ? /<option value="([^"]+)"/.exec(/name="variants\.0\.image"[^>]*>([\s\S]*?)<\/select>/.exec(more.payload)?.[1] ?? '')?.[1] : undefined;
      t.ok(key);
      const resaved = await browser.postMultipart(`/dashboard/products/${id}`, { ...moreFields, 'variants.4.price': '999', 'variants.0.image': key ?? '' });
      t.equal(resaved.statusCode, 303, resaved.payload.slice(0, 300));
      const after = json(await api.get(`/api/v1/products/${id}`));
      t.equal(after.variants.length, 6);
      t.equal(after.variants[1].id, product.variants[1].id, 'the kept variant is the same one');
      t.equal(after.variants[4].price, 99900);
      t.equal(after.variants[0].image, after.images[0], 'its picture chosen');

      // Options typed but "Make variants" not pressed: the rows are remade and shown, nothing saved.
      const current = formFields((await browser.get(`/dashboard/products/${id}`)).payload);
      const unmade = await browser.postMultipart(`/dashboard/products/${id}`, { ...current, 'options.1.values': 'Red, Blue, Green' });
      t.equal(unmade.statusCode, 400);
      t.match(unmade.payload, 'follow the options now');
      t.equal(json(await api.get(`/api/v1/products/${id}`)).variants.length, 6, 'not saved');

      // Clearing the options makes it a product sold one way again.
      const plain = formFields((await browser.get(`/dashboard/products/${id}`)).payload);
      for (const k of Object.keys(plain)) if (k.startsWith('options.')) plain[k] = '';
      const simple = await browser.postMultipart(`/dashboard/products/${id}`, { ...plain, intent: 'variants' });
      t.equal(simple.statusCode, 200);
      t.match(simple.payload, 'sold one way');
      const simpleFields = formFields(simple.payload);
      t.equal(simpleFields['price'], '899.00');
      t.notOk(Object.keys(simpleFields).some((k) => k.startsWith('variants.')));
      t.equal((await browser.postMultipart(`/dashboard/products/${id}`, simpleFields)).statusCode, 303);
      const one = json(await api.get(`/api/v1/products/${id}`));
      t.same(one.options, []);
      t.equal(one.variants.length, 1);
      t.equal(one.price, 89900);
    });

    t.test('options are checked before anything is made', async (t) => {
      const { browser } = await signedUp(server);
      await browser.get('/dashboard/products/new');
      const nameless = await browser.postMultipart('/dashboard/products', { name: 'Tea', price: '10', 'options.0.name': '', 'options.0.values': '100 g, 250 g', intent: 'variants' });
      t.equal(nameless.statusCode, 400);
      t.match(nameless.payload, /id="product-options\.0\.name"[^>]*aria-invalid="true"/);
      const many = Array.from({ length: 30 }, (_, i) => `v${i}`).join(', ');
      const huge = await browser.postMultipart('/dashboard/products', {
        name: 'Tea',
        price: '10',
        'options.0.name': 'A',
        'options.0.values': many,
        'options.1.name': 'B',
        'options.1.values': many,
        intent: 'variants',
      });
      t.equal(huge.statusCode, 400);
      t.match(huge.payload, 'These options make 900 combinations; a product may have at most 100 variants');
      const forged = await browser.postMultipart('/dashboard/products', {
        name: 'Tea',
        'options.0.name': 'Size',
        'options.0.values': 'S',
        'variants.0.option0': 'S',
        'variants.0.price': '99999999999999',
        'variants.0.id': '../../etc',
        'variants.0.image': '../../secret',
      });
      t.ok(forged.statusCode >= 400 && forged.statusCode < 500, 'a huge price is a 4xx, never a 500');
    });
  });
}
