import t from 'tap';
import { renderPage } from '../src/index.js';
import { forms, islandScript, tagWithId } from './fixtures/html.js';
import { categories, order, product, store, storeSettings, vendorCtx } from './fixtures/pages.js';
import { orderStatuses } from '@dukaan-kit/core';
import * as uiIndex from '../src/index.js';
import { statusTabs } from '../src/pages/orders.js';

t.test('signup: labels, errors beside fields, values kept, password never echoed', async (t) => {
  const html = renderPage({
    page: 'signup',
    props: { ctx: { ...vendorCtx(), vendor: undefined }, values: { email: 'asha@example.com', storeName: 'Chai Corner', slug: 'chai' }, errors: { slug: 'That link is taken', password: 'At least 8 characters' } },
  });
  t.match(html, '<form method="post" action="/signup">');
  for (const f of ['email', 'password', 'storeName', 'slug']) t.match(html, `<label for="signup-${f}">`);
  const slug = tagWithId(html, 'signup-slug') ?? '';
  t.match(slug, 'aria-invalid="true"');
  t.match(slug, 'aria-describedby="signup-slug-hint signup-slug-error"');
  t.match(slug, 'value="chai"');
  t.match(html, '<p class="field-error" id="signup-slug-error">That link is taken</p>');
  t.match(html, '<a href="#signup-slug">Store link</a>', 'error summary links to the field');
  t.equal(html.split('That link is taken').length - 1, 1, 'the message is shown once, beside its field');
  t.match(tagWithId(html, 'signup-email') ?? '', 'value="asha@example.com"');
  t.notMatch(tagWithId(html, 'signup-password') ?? '', 'value=');
  t.match(html, '<meta name="robots" content="noindex"/>');
  t.notMatch(html, '<script');
});

t.test('login: hidden next, form error', async (t) => {
  const html = renderPage({ page: 'login', props: { ctx: { ...vendorCtx(), vendor: undefined }, next: '/dashboard/orders', values: { email: 'a@b.co' }, errors: { form: 'Wrong email or password' } } });
  t.match(html, '<form method="post" action="/login"><input type="hidden" name="next" value="/dashboard/orders"/>');
  t.match(html, '<p class="alert-text">Wrong email or password</p>');
  t.match(tagWithId(html, 'login-password') ?? '', 'autocomplete="current-password"');
  t.match(html, '<a href="/signup">Open your store</a>');
});

t.test('dashboard: today, share link island, WhatsApp, pending orders with actions', async (t) => {
  const html = renderPage({
    page: 'dashboard',
    props: { ctx: vendorCtx(), store, summary: { orders: 4, revenue: 250000, pending: 1 }, pendingOrders: [order()], storeUrl: 'https://shop.example.com/chai-corner' },
  });
  t.match(html, '<p class="stat-value">4</p>');
  t.match(html, '<p class="stat-value">₹2,500.00</p>');
  t.match(html, '<div data-island-root="copy-link">');
  t.match(html, '<input id="store-link" type="url" readonly value="https://shop.example.com/chai-corner"/>');
  t.match(html, '<label for="store-link">Your store link</label>');
  t.same(JSON.parse(islandScript(html, 'copy-link') ?? 'null'), { id: 'store-link', label: 'Your store link', url: 'https://shop.example.com/chai-corner' });
  t.match(html, `href="https://wa.me/?text=${encodeURIComponent('Order from Chai Corner online: https://shop.example.com/chai-corner')}"`);
  t.match(html, '<form method="post" action="/dashboard/orders/ord-1/status" class="row-actions">');
  t.match(html, '<button type="submit" name="status" value="accepted"');
  t.match(html, '<button type="submit" name="status" value="rejected"');
  t.match(html, '<a href="/dashboard/orders/ord-1">#1001</a>');
  t.match(html, /Orders<span class="badge"><span aria-hidden="true">3<\/span><span class="sr-only">3 orders waiting<\/span><\/span>/, 'pending badge in the navigation');
  t.match(html, '<form method="post" action="/logout" class="dash-logout">');
  t.match(html, '<script type="module" src="/static/client.TEST.js"></script>');
  const none = renderPage({ page: 'dashboard', props: { ctx: vendorCtx(), store: { ...store, isOpen: false }, summary: { orders: 0, revenue: 0, pending: 0 }, pendingOrders: [], storeUrl: 'https://x.test/a' } });
  t.match(none, 'No orders waiting.');
  t.match(none, 'Your store is closed');
});

t.test('products: search, filter, rows and next-page cursor', async (t) => {
  const html = renderPage({
    page: 'products',
    props: { ctx: vendorCtx(), currency: 'INR', products: [product(), product({ id: 'p2', name: 'Green Tea', active: false, stock: null, images: [], compareAtPrice: null }), product({ id: 'p3', stock: 0 })], categories, q: 'tea', categoryId: 'cat-2', nextCursor: 'abc==' },
  });
  t.match(html, '<form method="get" action="/dashboard/products" class="search" role="search">');
  t.match(html, '<input id="products-q" type="search" name="q" value="tea"');
  t.match(html, '<option value="cat-2" selected>Gift boxes</option>');
  t.match(html, '<img class="thumb" src="https://cdn.example.com/media/products/p1-a.webp" alt width="56" height="56" loading="lazy"/>');
  t.match(html, '<a class="product-row-name" href="/dashboard/products/prod-1">Masala Chai</a>');
  t.match(html, '₹499.50');
  t.match(html, '12 in stock');
  t.match(html, 'Not tracked');
  t.match(html, 'Out of stock');
  t.match(html, '<span class="tag tag-active">Active</span>');
  t.match(html, '<span class="tag tag-hidden">Hidden</span>');
  t.match(html, 'href="/dashboard/products?q=tea&amp;categoryId=cat-2&amp;cursor=abc%3D%3D" rel="next"');
  t.match(html, '<a class="btn btn-primary" href="/dashboard/products/new">Add product</a>');
  const empty = renderPage({ page: 'products', props: { ctx: vendorCtx(), currency: 'INR', products: [], categories: [], nextCursor: null } });
  t.match(empty, 'No products yet.');
  t.notMatch(empty, 'rel="next"');
});

t.test('product form (edit): multipart, money in major units, images, delete confirmation', async (t) => {
  const html = renderPage({ page: 'product-form', props: { ctx: vendorCtx(), currency: 'INR', product: product(), categories } });
  t.match(html, '<form method="post" action="/dashboard/products/prod-1" enctype="multipart/form-data" class="panel form-grid">');
  t.match(tagWithId(html, 'product-price') ?? '', 'value="499.50"');
  t.match(tagWithId(html, 'product-compareAtPrice') ?? '', 'value="599.00"');
  t.match(tagWithId(html, 'product-stock') ?? '', 'value="12"');
  t.match(tagWithId(html, 'product-sku') ?? '', 'value="MC-250"');
  t.match(html, '<option value="cat-1" selected>Loose tea</option>');
  t.match(tagWithId(html, 'product-active') ?? '', 'checked');
  t.match(tagWithId(html, 'product-images') ?? '', 'type="file" multiple accept="image/jpeg,image/png,image/webp"');
  t.match(tagWithId(html, 'product-images') ?? '', 'name="images"');
  t.match(html, '<a class="btn btn-secondary" href="/dashboard/products/prod-1/photos">Photos (1)</a>');
  t.match(html, '<form method="post" action="/dashboard/products/prod-1/images/delete"><input type="hidden" name="key" value="products/p1-a.webp"/>');
  const del = forms(html).find((f) => f.includes('/delete"') && !f.includes('images')) ?? '';
  t.match(del, 'action="/dashboard/products/prod-1/delete"');
  t.match(del, /<input type="checkbox" name="confirm" value="yes" required id="delete-confirm"/);
  t.match(del, '<label for="delete-confirm">Yes, delete “Masala Chai”</label>');
  for (const f of ['name', 'description', 'price', 'compareAtPrice', 'stock', 'sku', 'categoryId', 'images', 'active', 'options.0.name', 'options.0.values']) t.match(html, `<label for="product-${f}">`, `label for ${f}`);
});

t.test('product form (new): empty, active by default, typed values and errors win', async (t) => {
  const html = renderPage({
    page: 'product-form',
    props: { ctx: vendorCtx(), currency: 'INR', product: null, categories, values: { name: 'Tulsi', price: '12,34' }, errors: { price: 'Enter a price like 499 or 499.50' } },
  });
  t.match(html, '<form method="post" action="/dashboard/products" enctype="multipart/form-data"');
  t.match(html, '<h1>Add product</h1>');
  t.match(tagWithId(html, 'product-name') ?? '', 'value="Tulsi"');
  const price = tagWithId(html, 'product-price') ?? '';
  t.match(price, 'value="12,34"');
  t.match(price, 'aria-invalid="true"');
  t.match(price, 'aria-describedby="product-price-hint product-price-error"');
  t.match(tagWithId(html, 'product-active') ?? '', 'checked');
  t.notMatch(html, '/delete');
  t.match(tagWithId(html, 'product-stock') ?? '', /^(?![\s\S]*value=)/);
});

t.test('categories: rename, delete and add forms', async (t) => {
  const html = renderPage({ page: 'categories', props: { ctx: vendorCtx(), categories, errors: { name: 'Name is required' } } });
  t.match(html, '<form method="post" action="/dashboard/categories/cat-1" class="inline-form">');
  t.match(html, '<label for="cat-cat-1-name" class="sr-only">Name of Loose tea</label><input id="cat-cat-1-name" name="name" value="Loose tea"');
  t.match(html, '<form method="post" action="/dashboard/categories/cat-2/delete">');
  t.match(html, '<form method="post" action="/dashboard/categories" class="inline-form">');
  t.match(tagWithId(html, 'category-name') ?? '', 'aria-invalid="true"');
  t.match(html, '<label for="category-position">');
});

t.test('orders: status tabs, rows and paging', async (t) => {
  const html = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [order(), order({ id: 'o2', number: 1002, status: 'accepted', total: 50000 })], status: 'pending', nextCursor: 'n1' } });
  t.match(html, '<a class="tab" href="/dashboard/orders">All</a>');
  t.match(html, '<a class="tab" href="/dashboard/orders?status=pending" aria-current="page">Pending</a>');
  t.match(html, '<a class="tab" href="/dashboard/orders?status=cancelled">Cancelled</a>');
  t.match(html, '<a href="/dashboard/orders/o2">#1002</a>');
  t.match(html, '<td data-label="Customer">Ravi Kumar</td>');
  t.match(html, '₹500.00');
  t.match(html, '<span class="status status-accepted">Accepted</span>');
  t.match(html, '<time datetime="2025-11-25T10:00:00.000Z">25 Nov 2025, 3:30 pm</time>');
  t.match(html, 'href="/dashboard/orders?status=pending&amp;cursor=n1"');
});

const tracking = { storeName: 'Chai Corner', trackingUrl: 'https://shop.example.com/chai-corner/orders/tok_abc123' };

t.test('order detail: only the allowed next statuses, customer, totals, history', async (t) => {
  const o = order({ status: 'accepted', history: [{ status: 'pending', at: '2025-11-25T10:00:00.000Z', reason: null }, { status: 'accepted', at: '2025-11-25T10:05:00.000Z', reason: null }] });
  const html = renderPage({ page: 'order-detail', props: { ctx: vendorCtx({ timeZone: 'UTC' }), order: o, nextStatuses: ['shipped', 'cancelled'], ...tracking } });
  t.match(html, '<form method="post" action="/dashboard/orders/ord-1/status" class="status-actions">');
  t.match(html, '<button type="submit" name="status" value="shipped" class="btn btn-primary">Mark as shipped</button>');
  t.match(html, '<button type="submit" name="status" value="cancelled" class="btn btn-danger-outline">Cancel order</button>');
  t.notMatch(html, 'value="accepted"');
  t.notMatch(html, 'value="delivered"');
  t.match(html, '<a href="tel:+919812345678">+919812345678</a>');
  const text = 'Hello Ravi Kumar, your order #1001 from Chai Corner is accepted. Track it here: https://shop.example.com/chai-corner/orders/tok_abc123';
  t.match(html, `<a href="https://wa.me/919812345678?text=${encodeURIComponent(text)}" target="_blank" rel="noopener">Message on WhatsApp</a>`, 'a prefilled chat: number, status, tracking link');
  t.match(html, '<a href="mailto:ravi@example.com">');
  t.match(html, '<dd class="pre">Ring twice</dd>');
  t.match(html, /Total<\/th><td class="num">₹1,348.00<\/td>/);
  t.match(html, /<ol class="history"><li><span class="status status-pending">Pending<\/span> <time datetime="2025-11-25T10:00:00.000Z">25 Nov 2025, 10:00 am<\/time>/);
  const done = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'delivered' }), nextStatuses: [], ...tracking } });
  t.notMatch(done, 'status-actions');
  t.notMatch(done, 'status-stop');
  const erased = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ customer: { ...o.customer, phone: '' } }), nextStatuses: [], ...tracking } });
  t.notMatch(erased, 'wa.me', 'no chat without a number (an erased customer)');
});

t.test('order detail: cancel, reject and return take an optional reason in a form of their own; reasons show in the history', async (t) => {
  const shipped = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'shipped' }), nextStatuses: ['delivered', 'returned'], ...tracking } });
  const all = forms(shipped);
  const forward = all.find((f) => f.includes('value="delivered"')) ?? '';
  const stop = all.find((f) => f.includes('value="returned"')) ?? '';
  t.notMatch(forward, 'name="reason"', 'the delivered button sends no reason');
  t.match(stop, '<form method="post" action="/dashboard/orders/ord-1/status" class="status-stop">');
  t.match(tagWithId(stop, 'status-reason') ?? '', /name="reason"[^>]*maxLength="200"|maxlength="200"/i);
  t.match(stop, '<label for="status-reason">Reason<span class="optional"> (optional)</span></label>');
  t.match(stop, 'Shown to the customer');
  t.match(stop, '<button type="submit" name="status" value="returned" class="btn btn-danger-outline">Mark as returned</button>');
  const again = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'shipped' }), nextStatuses: ['delivered', 'returned'], ...tracking, reason: 'typed "<b>' } });
  t.match(tagWithId(again, 'status-reason') ?? '', /value="typed &quot;(<|&lt;)b/, 'a refused reason comes back as typed, escaped');
  const returned = order({
    status: 'returned',
    statusReason: 'Refused at the door',
    history: [
      { status: 'shipped', at: '2025-11-25T10:00:00.000Z', reason: null },
      { status: 'returned', at: '2025-11-26T10:00:00.000Z', reason: 'Refused at the door' },
    ],
  });
  const html = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: returned, nextStatuses: [], ...tracking } });
  t.match(html, '<span class="status status-returned">Returned</span>');
  t.match(html, '<p class="status-reason">Reason: Refused at the door</p>');
  t.match(html, '<span class="history-reason">“Refused at the door”</span>');
});

t.test('settings: multipart with logo, money in major units, switches', async (t) => {
  const html = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: storeSettings, publicUrl: 'https://shop.example.com/', errors: { slug: 'That link is taken' } } });
  t.match(html, '<form method="post" action="/dashboard/settings" enctype="multipart/form-data"');
  t.match(tagWithId(html, 'settings-deliveryFee') ?? '', 'value="40.00"');
  t.match(tagWithId(html, 'settings-freeDeliveryAbove') ?? '', 'value="999.00"');
  t.match(tagWithId(html, 'settings-minOrderValue') ?? '', 'value="200.00"');
  t.match(tagWithId(html, 'settings-logo') ?? '', 'type="file"');
  t.match(html, '<img class="logo-preview" src="https://cdn.example.com/media/logo.png" alt="Current logo" width="72" height="72"/>');
  t.match(html, '<option value="INR" selected>INR</option>');
  t.match(tagWithId(html, 'settings-isOpen') ?? '', 'checked');
  t.notMatch(tagWithId(html, 'settings-autoAcceptOrders') ?? '', 'checked');
  t.match(html, 'https://shop.example.com/chai-corner. Changing it keeps the old link working.');
  t.match(html, '<a href="/dashboard/account#api-tokens">API tokens, password and sessions are under Account →</a>', 'Settings leads to the API tokens');
  t.match(tagWithId(html, 'settings-slug') ?? '', 'aria-invalid="true"');
  for (const f of ['name', 'slug', 'description', 'logo', 'phone', 'pickupAddress', 'currency', 'deliveryFee', 'freeDeliveryAbove', 'minOrderValue', 'isOpen', 'autoAcceptOrders']) {
    t.match(html, `<label for="settings-${f}">`, `label for ${f}`);
  }
  const never = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: { ...storeSettings, freeDeliveryAbove: null, minOrderValue: 0, currency: 'JPY', deliveryFee: 300 } } });
  t.match(tagWithId(never, 'settings-freeDeliveryAbove') ?? '', /^(?![\s\S]*value=)/, 'empty when delivery is never free');
  t.match(tagWithId(never, 'settings-deliveryFee') ?? '', 'value="300"', 'JPY has no decimals');
});

t.test("the dashboard's status tabs list every state of core's OrderStatus, once", async (t) => {
  t.same([...statusTabs].sort(), [...orderStatuses].sort());
  t.equal(new Set(statusTabs).size, statusTabs.length);
  t.notOk('orderStatuses' in uiIndex, 'the UI no longer exports a second list');
});

