// The dashboard's catalogue pages with options and variants, bulk changes and orders of variants: rendered HTML.
import t from 'tap';
import { renderPage } from '../src/index.js';
import type { ProductView } from '../src/index.js';
import { controls, forms, isLabelled, tagWithId } from './fixtures/html.js';
import { categories, order, product, untaxed, vendorCtx } from './fixtures/pages.js';

/** A product with two options and four variants, the last switched off, the second with its own picture. */
function kurta(): ProductView {
  const combos = [
    ['S', 'Red'],
    ['S', 'Blue'],
    ['M', 'Red'],
    ['M', 'Blue'],
  ];
  return product({
    id: 'kurta',
    name: 'Kurta',
    slug: 'kurta',
    price: 89900,
    compareAtPrice: null,
    stock: null,
    sku: null,
    options: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Red', 'Blue'] },
    ],
    variants: combos.map(([size, colour], i) => ({
      id: `v${i}`,
      options: { Size: size!, Colour: colour! },
      price: 89900 + i * 5000,
      compareAtPrice: i === 2 ? 129900 : null,
      stock: i === 0 ? 4 : null,
      sku: i === 0 ? 'KUR-S-RED' : null,
      active: i !== 3,
      imageKey: i === 1 ? 'products/p1-a.webp' : null,
      position: i,
    })),
  });
}

t.test('product form with variants: one labelled row per combination, money in major units, picture chooser', async (t) => {
  const html = renderPage({ page: 'product-form', props: { ctx: vendorCtx(), currency: 'INR', product: kurta(), categories, saved: true } });
  t.match(html, '<h2 id="product-variants-title">Variants (4)</h2>');
  t.match(html, '<th scope="row">Size: S · Colour: Blue');
  t.match(tagWithId(html, 'product-variants.1.price') ?? '', 'value="949.00"');
  t.match(tagWithId(html, 'product-variants.2.compareAtPrice') ?? '', 'value="1299.00"');
  t.match(tagWithId(html, 'product-variants.0.sku') ?? '', 'value="KUR-S-RED"');
  t.match(tagWithId(html, 'product-variants.0.active') ?? '', 'checked');
  t.notMatch(tagWithId(html, 'product-variants.3.active') ?? '', 'checked', 'the switched-off variant');
  t.match(html, /<select id="product-variants\.1\.image" name="variants\.1\.image"><option value>Cover<\/option><option value="products\/p1-a.webp" selected>Picture 1<\/option>/);
  t.notOk(tagWithId(html, 'product-price'), 'no single price for a product with options');
  t.match(html, 'name="options.1.name"');
  t.match(tagWithId(html, 'product-options.1.values') ?? '', 'value="Red, Blue"');
  t.match(html, '<a class="btn btn-secondary" href="/chai-corner/p/kurta">View in store</a>');
  t.match(html, '<a class="btn btn-primary" href="/dashboard/products/new">Add another</a>');
  const main = forms(html).find((f) => f.includes('enctype="multipart/form-data"')) ?? '';
  for (const control of controls(main)) t.ok(isLabelled(html, control), `labelled: ${control}`);
  t.ok(main.indexOf('name="intent" value="variants"') > main.indexOf('<button type="submit" class="btn btn-primary">'), 'Enter saves: the first submit button is Save, not "Make variants"');
});

t.test('a row error sits beside its field, named in the summary', async (t) => {
  const html = renderPage({
    page: 'product-form',
    props: { ctx: vendorCtx(), currency: 'INR', product: kurta(), categories, errors: { 'variants.1.compareAtPrice': 'Size: S · Colour: Blue — MRP must be more than the price' } },
  });
  const mrp = tagWithId(html, 'product-variants.1.compareAtPrice') ?? '';
  t.match(mrp, 'aria-invalid="true"');
  t.match(mrp, 'aria-describedby="product-variants.1.compareAtPrice-error"');
  t.match(html, '<p class="field-error" id="product-variants.1.compareAtPrice-error">Size: S · Colour: Blue — MRP must be more than the price</p>');
  t.match(html, '<a href="#product-variants.1.compareAtPrice">MRP of Size: S · Colour: Blue</a>', 'the summary names the row’s field; the message is beside it once');
  t.notMatch(html, 'View in store', 'not offered before a save');
});

t.test('products list: bulk bar, ticks joined to it, row switches, "from" for varying prices', async (t) => {
  const html = renderPage({ page: 'products', props: { ctx: vendorCtx({ csrfToken: 'crumb-1' }), currency: 'INR', products: [product(), kurta()], categories, q: 'k', nextCursor: null } });
  t.match(html, '<form method="post" action="/dashboard/products/bulk" id="bulk-products" class="bulk-bar"');
  t.match(html, '<input type="hidden" name="back" value="/dashboard/products?q=k"/>');
  for (const action of ['show', 'hide', 'set-stock', 'move-category', 'delete']) t.match(html, `name="action" value="${action}"`);
  t.match(html, '<input type="checkbox" name="ids" value="kurta" form="bulk-products" id="select-kurta"/>');
  t.match(html, '<form method="post" action="/dashboard/products/prod-1/stock">');
  t.notMatch(html, 'action="/dashboard/products/kurta/stock"', 'stock per variant is set on the product form');
  t.match(html, '<form method="post" action="/dashboard/products/kurta/visibility">');
  t.match(html, /from <\/span><span class="price-now">₹899.00/);
  t.match(html, 'Not tracked · 4 variants');
  for (const control of controls(html)) t.ok(isLabelled(html, control), `labelled: ${control}`);
  for (const form of forms(html).filter((f) => f.includes('method="post"'))) t.match(form, 'name="crumb" value="crumb-1"', 'every post carries the crumb');
});

t.test('delete asks first: the products by name, a required tick, the ids carried', async (t) => {
  const html = renderPage({ page: 'products', props: { ctx: vendorCtx(), currency: 'INR', products: [], categories: [], nextCursor: null, confirmDelete: [product(), kurta()], back: '/dashboard/products?q=k' } });
  t.match(html, 'Delete 2 products?');
  t.match(html, '<li>Kurta</li>');
  t.match(html, '<input type="hidden" name="ids" value="prod-1"/><input type="hidden" name="ids" value="kurta"/>');
  t.match(html, '<input type="checkbox" id="confirm-delete-yes" name="confirm" value="yes" required/>');
  t.match(html, '<a class="btn btn-secondary" href="/dashboard/products?q=k">Cancel</a>');
  t.notMatch(html, 'bulk-bar');
});

t.test('orders show each line with its variant; the order page lists what to pack with SKUs', async (t) => {
  const withVariant = order({
    items: [
      { productId: 'kurta', variantId: 'v1', name: 'Kurta', options: { Size: 'S', Colour: 'Blue' }, sku: 'KUR-S-BLU', unitPrice: 94900, quantity: 2, lineTotal: 189800, ...untaxed(189800) },
      { productId: 'prod-1', variantId: 'prod-1', name: 'Masala Chai', options: {}, sku: null, unitPrice: 49900, quantity: 1, lineTotal: 49900, ...untaxed(49900) },
    ],
  });
  const list = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [withVariant], status: null, nextCursor: null } });
  t.match(list, '<td data-label="Items"><span class="order-items-summary">2 × Kurta (Size: S, Colour: Blue); 1 × Masala Chai</span></td>');
  const detail = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: withVariant, nextStatuses: ['accepted'], storeName: 'Chai Corner', trackingUrl: 'https://x.test/o/tok' } });
  t.match(detail, '<h2 id="pick-title">To pack</h2>');
  t.match(detail, '<li>2 × Kurta (Size: S, Colour: Blue) · SKU <code>KUR-S-BLU</code></li>');
  t.notMatch(detail, '<li>1 × Masala Chai', 'a line without variant or SKU needs no note');
  const plain = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order(), nextStatuses: [], storeName: 'Chai Corner', trackingUrl: 'https://x.test/o/tok' } });
  t.notMatch(plain, 'To pack', 'nothing to tell apart');
});

t.test('product form: the picture area comes first, a multiple file input under a drop area, with the picker island', async (t) => {
  const html = renderPage({ page: 'product-form', props: { ctx: vendorCtx(), currency: 'INR', product: null, categories } });
  const main = forms(html).find((f) => f.includes('enctype="multipart/form-data"')) ?? '';
  t.ok(main.indexOf('id="product-images"') > 0 && main.indexOf('id="product-images"') < main.indexOf('id="product-name"'), 'pictures before the name');
  t.match(main, /<div class="drop-area">[^]*<input type="file" id="product-images" name="images" multiple accept="image\/jpeg,image\/png,image\/webp" class="drop-input" aria-describedby="product-images-hint"\/>/);
  t.match(main, '<span class="drop-call btn btn-secondary" aria-hidden="true">Choose pictures</span>');
  t.match(html, '<script type="application/json" data-island="photo-picker">');
  t.notMatch(main, 'name="keptImages"', 'nothing kept on a fresh form');
});

t.test('product form after a failed post: kept pictures ticked, the MRP error beside the MRP, in Hindi', async (t) => {
  const png = Buffer.from('fake-png-bytes').toString('base64');
  const html = renderPage({
    page: 'product-form',
    props: {
      ctx: vendorCtx({ locale: 'hi' }),
      currency: 'INR',
      product: null,
      categories,
      values: { name: 'Chai', price: '500', compareAtPrice: '400' },
      errors: { compareAtPrice: 'catalog.error.mrpBelowPrice' },
      keptImages: [{ data: png, bytes: 245_000 }],
    },
  });
  t.match(html, `<input type="checkbox" id="product-kept-0" name="keptImages" value="${png}" checked/><label for="product-kept-0">फ़ोटो 1 (239 KB)</label>`);
  const mrp = tagWithId(html, 'product-compareAtPrice') ?? '';
  t.match(mrp, 'aria-invalid="true"');
  t.match(mrp, 'aria-describedby="product-compareAtPrice-hint product-compareAtPrice-error"');
  t.match(html, '<p class="field-error" id="product-compareAtPrice-error">MRP दाम से ज़्यादा होना चाहिए, या ख़ाली छोड़ दें</p>');
  t.match(html, /<a href="#product-compareAtPrice">MRP[^<]*<\/a>/);
  t.match(html, '<span class="drop-call btn btn-secondary" aria-hidden="true">और फ़ोटो जोड़ें</span>', 'kept pictures: the call is to add more');
  t.match(html, '<h1>प्रोडक्ट जोड़ें</h1>');
  t.notMatch(html.replace(/<script[^]*?<\/script>/g, ''), 'catalog.', 'no key shows as text (the island props name their keys)');
});

t.test('a keyed row error keeps its variant name and is translated', async (t) => {
  const html = renderPage({
    page: 'product-form',
    props: { ctx: vendorCtx({ locale: 'hi' }), currency: 'INR', product: kurta(), categories, errors: { 'variants.1.compareAtPrice': 'Size: S · Colour: Blue — catalog.error.mrpBelowPrice' } },
  });
  t.match(html, '<p class="field-error" id="product-variants.1.compareAtPrice-error">Size: S · Colour: Blue — MRP दाम से ज़्यादा होना चाहिए, या ख़ाली छोड़ दें</p>');
});

t.test('after a save: a note with "View in store" and "Add another"', async (t) => {
  const added = renderPage({ page: 'product-form', props: { ctx: vendorCtx(), currency: 'INR', product: kurta(), categories, saved: 'created' } });
  t.match(added, /<div class="flash saved-flash" role="status"><p>Product added.<\/p><p class="saved-actions"><a class="btn btn-secondary" href="\/chai-corner\/p\/kurta">View in store<\/a> <a class="btn btn-primary" href="\/dashboard\/products\/new">Add another<\/a>/);
  const hi = renderPage({ page: 'product-form', props: { ctx: vendorCtx({ locale: 'hi' }), currency: 'INR', product: kurta(), categories, saved: 'saved' } });
  t.match(hi, '<p>बदलाव सेव हो गए।</p>');
  t.match(hi, '>स्टोर में देखें</a>');
  t.match(hi, '>एक और जोड़ें</a>');
});

t.test('catalogue pages in Hindi: products, import, photos, coupons', async (t) => {
  const hi = vendorCtx({ locale: 'hi' });
  const list = renderPage({ page: 'products', props: { ctx: hi, currency: 'INR', products: [product()], categories, nextCursor: null } });
  t.match(list, '<h1>प्रोडक्ट</h1>');
  t.match(list, 'स्टॉक में 12');
  t.match(list, '>CSV इम्पोर्ट / एक्सपोर्ट</a>');
  const confirm = renderPage({ page: 'products', props: { ctx: hi, currency: 'INR', products: [], categories, nextCursor: null, confirmDelete: [product(), kurta()] } });
  t.match(confirm, '<h2 id="confirm-delete-title">2 प्रोडक्ट हटाएँ?</h2>');
  const imp = renderPage({ page: 'product-import', props: { ctx: hi, report: { mode: 'import', rows: 1501, created: 501, updated: 0, applied: true, errors: [] }, fileError: null, maxBytes: 10 * 1024 * 1024 } });
  t.match(imp, '<h1>प्रोडक्ट इम्पोर्ट करें</h1>');
  t.match(imp, '<p role="status">1,501 पंक्तियाँ इम्पोर्ट हुईं: 501 नए प्रोडक्ट और 0 प्रोडक्ट बदले गए।</p>');
  const impEn = renderPage({ page: 'product-import', props: { ctx: vendorCtx(), report: { mode: 'import', rows: 1501, created: 501, updated: 0, applied: true, errors: [] }, fileError: null, maxBytes: 10 * 1024 * 1024 } });
  t.match(impEn, 'Imported 1,501 rows: 501 new products and 0 products changed.', 'English as before');
  const photos = renderPage({ page: 'product-photos', props: { ctx: hi, product: { id: 'p1', name: 'Chai' }, photos: [], maxPhotos: 8 } });
  t.match(photos, '<h2 id="photos-title">फ़ोटो (8 में से 0)</h2>');
  const coupons = renderPage({ page: 'coupons', props: { ctx: hi, currency: 'INR', coupons: [] } });
  t.match(coupons, '<h1>कूपन</h1>');
  t.match(coupons, '>नया कूपन</a>');
  const form = renderPage({ page: 'coupon-form', props: { ctx: hi, currency: 'INR', coupon: null } });
  t.match(form, '<label for="coupon-code">कोड</label>');
  t.match(form, '<option value="flat">तय रकम (INR)</option>');
});

t.test('the plugin’s notice and option errors are keys, shown in the page language', async (t) => {
  const html = renderPage({
    page: 'product-form',
    props: { ctx: vendorCtx({ locale: 'hi' }), currency: 'INR', product: kurta(), categories, notice: 'catalog.notice.variantsMade', errors: { 'options.0.name': 'catalog.error.optionName' } },
  });
  t.match(html, '<p class="alert alert-note" role="status">विकल्पों से 4 वैरिएंट बने: दाम और स्टॉक भरें, फिर सेव करें।</p>');
  t.match(html, '<p class="field-error" id="product-options.0.name-error">इस विकल्प का नाम लिखें, जैसे साइज़ या वज़न</p>');
  const en = renderPage({ page: 'product-form', props: { ctx: vendorCtx(), currency: 'INR', product: kurta(), categories, notice: 'catalog.notice.variantsMade' } });
  t.match(en, '>4 variants from the options: fill in prices and stock, then save.</p>');
});
