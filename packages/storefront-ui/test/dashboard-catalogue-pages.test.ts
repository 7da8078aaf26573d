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
  t.match(html, '<a href="#product-variants.1.compareAtPrice">Size: S · Colour: Blue — MRP must be more than the price</a>');
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
  t.match(html, '<a href="/dashboard/products?q=k">Cancel</a>');
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
