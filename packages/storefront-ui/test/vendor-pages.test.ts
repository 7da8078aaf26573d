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
  t.match(JSON.parse(islandScript(html, 'copy-link') ?? 'null'), { id: 'store-link', label: 'Your store link', url: 'https://shop.example.com/chai-corner', m: { locale: 'en' } }, 'with its texts, pre-parsed');
  t.match(html, `href="https://wa.me/?text=${encodeURIComponent('Order from Chai Corner online: https://shop.example.com/chai-corner')}"`);
  t.match(html, '<form method="post" action="/dashboard/orders/ord-1/status" class="row-actions" id="status-form-ord-1">');
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
  t.match(tagWithId(html, 'product-images') ?? '', /type="file"[^>]* multiple accept="image\/jpeg,image\/png,image\/webp"/);
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

t.test('categories: rename, up/down, delete that asks first, add', async (t) => {
  const html = renderPage({ page: 'categories', props: { ctx: vendorCtx(), categories, errors: { name: 'Name is required' } } });
  t.match(html, '<form method="post" action="/dashboard/categories/cat-1" class="inline-form">');
  t.match(html, '<label for="cat-cat-1-name" class="sr-only">Name of Loose tea</label><input id="cat-cat-1-name" name="name" value="Loose tea"');
  t.notMatch(html, 'name="position"', 'no raw position numbers');
  t.match(html, /<form method="post" action="\/dashboard\/categories\/cat-1\/move" class="move-form"><input type="hidden" name="direction" value="down"\/><button type="submit" class="btn btn-secondary btn-icon" aria-label="Move Loose tea down"/);
  t.match(html, /action="\/dashboard\/categories\/cat-1\/move"[^]*?value="up"\/><button type="submit" class="btn btn-secondary btn-icon" disabled/, 'the first cannot go up');
  // Delete is a link to the confirmation page (no JavaScript) with the dialog's form beside it: no one-tap delete form.
  t.match(html, '<a class="btn btn-danger-outline" href="/dashboard/categories/cat-2/delete" aria-label="Delete Gift boxes">Delete</a>');
  t.notMatch(html, /<form method="post" action="\/dashboard\/categories\/cat-2\/delete">(?!<input type="hidden" name="confirm")/);
  t.match(html, /<dialog class="confirm-dialog" id="cat-cat-2-confirm"[^>]*><form method="post" action="\/dashboard\/categories\/cat-2\/delete"><input type="hidden" name="confirm" value="yes"\/>/);
  t.match(html, '<form method="post" action="/dashboard/categories" class="inline-form category-add">');
  t.match(tagWithId(html, 'category-name') ?? '', 'aria-invalid="true"');
});

t.test('categories: the confirmation step, and Hindi with a keyed error', async (t) => {
  const html = renderPage({ page: 'categories', props: { ctx: vendorCtx({ locale: 'hi' }), categories, confirmDelete: categories[1]!, errors: { name: 'catalog.error.categoryName' } } });
  t.match(html, '<h2 id="confirm-delete-title">कैटेगरी “Gift boxes” हटाएँ?</h2>');
  t.match(html, /<form method="post" action="\/dashboard\/categories\/cat-2\/delete" class="confirm-actions"><input type="hidden" name="confirm" value="yes"\/><button type="submit" class="btn btn-danger">हाँ, हटाएँ<\/button><a class="btn btn-secondary" href="\/dashboard\/categories">रद्द करें<\/a>/);
  t.match(html, '<p class="field-error" id="category-name-error">कैटेगरी का नाम लिखें</p>');
  t.match(html, 'aria-label="Gift boxes को ऊपर ले जाएँ"');
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
  t.match(html, '<form method="post" action="/dashboard/orders/ord-1/status" class="status-actions" id="status-form-ord-1">');
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

t.test('order detail: reject, cancel and return ask first (a dialog island, a confirm panel without JavaScript); reasons show in the history', async (t) => {
  const shipped = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'shipped' }), nextStatuses: ['delivered', 'returned'], ...tracking } });
  const [actions = ''] = forms(shipped).filter((f) => f.includes('value="delivered"'));
  t.notMatch(actions, 'name="reason"', 'no reason field (nor confirmed flag) is sent by the forward buttons');
  t.notMatch(actions, 'name="confirmed"');
  t.match(actions, '<div data-island-root="confirm-stop"><button type="submit" name="status" value="returned" class="btn btn-danger-outline">Mark as returned</button></div>');
  const props = JSON.parse(islandScript(shipped, 'confirm-stop') ?? 'null') as Record<string, unknown>;
  t.match(props, { status: 'returned', title: 'Mark order #1001 as returned?', confirm: 'Yes, mark it returned', keep: 'Keep the order', maxLength: 200 });
  t.match(props['reasonHint'], 'The customer sees it');
  // Without JavaScript the post comes back as this page with `confirm`: the question, the reason, the move.
  const asking = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'shipped' }), nextStatuses: ['delivered', 'returned'], ...tracking, confirm: { status: 'returned', reason: 'typed "<b>' } } });
  t.match(asking, '<h2 id="confirm-title">Mark order #1001 as returned?</h2>');
  const [confirm = ''] = forms(asking).filter((f) => f.includes('name="confirmed"'));
  t.match(confirm, '<input type="hidden" name="confirmed" value="1"/>');
  t.match(tagWithId(confirm, 'confirm-reason') ?? '', /maxLength="200"|maxlength="200"/i);
  t.match(confirm, /typed &quot;(<|&lt;)b/, 'the reason comes back as typed, escaped');
  t.match(confirm, '<button type="submit" name="status" value="returned" class="btn btn-danger">Yes, mark it returned</button>');
  t.match(confirm, '<a class="btn btn-secondary" href="/dashboard/orders/ord-1">Keep the order</a>');
  t.notMatch(asking, 'value="delivered"', 'while asking, no other move is offered');
  const refused = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order(), nextStatuses: ['accepted', 'rejected', 'cancelled'], ...tracking, confirm: { status: 'rejected', reason: 'x', error: 'The reason is too long' } } });
  t.match(refused, '<p class="field-error" id="confirm-reason-error">The reason is too long</p>', 'a refused reason sits under its field');
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
  t.match(html, '<a class="text-link" href="/dashboard/account#api-tokens">API tokens, password and sessions are under Account →</a>', 'Settings leads to the API tokens');
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


// ---- issue 14: the phone dashboard, confirmations, grouped settings, Hindi ----

/** One settings group: from its fieldset to the next group's. */
function section(html: string, id: string): string {
  const at = html.indexOf(`id="settings-section-${id}"`);
  const next = html.indexOf('id="settings-section-', at + 10);
  return html.slice(at, next < 0 ? undefined : next);
}

/** The text of the first element matching `open` up to its closing `</tag>` (no nesting of the same tag inside). */
function element(html: string, open: string, tag: string): string {
  const at = html.indexOf(open);
  if (at < 0) return '';
  return html.slice(at, html.indexOf(`</${tag}>`, at) + tag.length + 3);
}

t.test('dashboard frame: one-line header, every section in the tab strip, the bottom bar with the badge and "More", the manifest', async (t) => {
  const html = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [], status: null, nextCursor: null } });
  const top = element(html, '<div class="dash-top">', 'div');
  t.match(top, '<a class="dash-view" href="/chai-corner">View store</a>');
  t.match(top, '<button type="submit" class="btn-link">Log out</button>');
  const strip = element(html, '<nav class="dash-nav"', 'nav');
  for (const path of ['', '/orders', '/products', '/categories', '/coupons', '/settings', '/webhooks', '/account']) t.match(strip, `href="/dashboard${path}"`, `tab strip: /dashboard${path}`);
  const bar = html.slice(html.indexOf('<nav class="dash-bottom"'), html.lastIndexOf('</nav>') + 6);
  t.match(bar, 'aria-label="Main sections"');
  t.match(bar, /<a href="\/dashboard\/orders" aria-current="page"><svg[^>]*aria-hidden="true"[\s\S]*?<span class="nav-text">Orders<\/span><span class="badge"><span aria-hidden="true">3<\/span><span class="sr-only">3 orders waiting<\/span><\/span><\/a>/);
  const barLinks = [...bar.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  t.same(barLinks, ['/dashboard', '/dashboard/orders', '/dashboard/products', '/dashboard/settings', '/dashboard/categories', '/dashboard/coupons', '/dashboard/webhooks', '/dashboard/account'], 'four sections, then the rest under More');
  t.match(bar, '<details class="dash-more"><summary>');
  t.ok(html.indexOf('<nav class="dash-bottom"') > html.indexOf('<main'), 'the bar comes after the content (reading order)');
  t.match(html, '<link rel="manifest" href="/dashboard/manifest.webmanifest"/>');
  t.match(html, '<link rel="apple-touch-icon" href="/dashboard/icons/icon-192.png"/>');
  const more = renderPage({ page: 'settings', props: { ctx: vendorCtx({ basePath: '/shop', locale: 'hi' }), store: storeSettings } });
  t.match(more, '<link rel="manifest" href="/shop/dashboard/manifest.webmanifest?lang=hi"/>', 'under the prefix, in the vendor’s language');
  const account = renderPage({ page: 'categories', props: { ctx: vendorCtx(), categories } });
  t.match(account, '<summary class="current">', 'a section under More marks More as current');
});

t.test('dashboard home: orders to act on first, the whole store link, Reject asks first', async (t) => {
  const html = renderPage({
    page: 'dashboard',
    props: { ctx: vendorCtx(), store, summary: { orders: 4, revenue: 250000, pending: 1 }, pendingOrders: [order()], storeUrl: 'https://shop.example.com/chai-corner' },
  });
  const main = html.slice(html.indexOf('<main'));
  t.ok(main.indexOf('Orders to act on') < main.indexOf('class="stats"'), 'the waiting orders come before the numbers');
  t.ok(main.indexOf('Orders to act on') < main.indexOf('Share your store'));
  t.match(html, '<p class="store-url"><a href="https://shop.example.com/chai-corner">https://shop.example.com/chai-corner</a></p>', 'the whole link, as text that wraps');
  t.match(html, '<button type="submit" name="status" value="accepted" class="btn btn-small btn-primary">Accept<span class="sr-only"> order #1001</span></button>');
  t.match(html, '<div data-island-root="confirm-stop"><button type="submit" name="status" value="rejected" class="btn btn-danger-outline btn-small">Reject<span class="sr-only"> order #1001</span></button></div>');
  t.match(JSON.parse(islandScript(html, 'confirm-stop') ?? 'null'), { id: 'stop-rejected-ord-1', status: 'rejected', title: 'Reject order #1001?', confirm: 'Yes, reject it' });
});

t.test('settings: grouped in named fieldsets, every error named and beside its field', async (t) => {
  const errors = { deliveryFee: 'Enter an amount like 40 or 40.50', upiId: 'UPI needs a UPI id', isOpen: 'Must be true or false', packagingFee: 'For no packaging fee, choose “No fee”' };
  const html = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: storeSettings, errors, indianStates: [] } });
  const legends = [...html.matchAll(/<fieldset class="settings-section span-2" id="settings-section-(\w+)"><legend><h2 class="form-section">([^<]+)<\/h2><\/legend>/g)].map((m) => [m[1], m[2]]);
  t.same(legends, [
    ['store', 'Store details'],
    ['orders', 'Orders'],
    ['delivery', 'Delivery &amp; charges'],
    ['gst', 'GST'],
    ['payments', 'Payments'],
    ['notifications', 'Notifications'],
  ]);
  const store = section(html, 'store');
  for (const f of ['name', 'slug', 'phone', 'currency', 'timeZone']) t.match(store, `id="settings-${f}"`, `${f} under store details`);
  t.match(section(html, 'delivery'), 'id="settings-deliveryFee"');
  t.match(section(html, 'payments'), 'id="settings-upiId"');
  t.match(section(html, 'notifications'), 'id="settings-newOrderEmails"');
  for (const [field, message] of Object.entries(errors)) t.match(html, `<p class="field-error" id="settings-${field}-error">${message.replace(/“|”/g, (q) => q)}</p>`, `${field}: beside its field`);
  t.match(html, '<a href="#settings-deliveryFee">Delivery fee</a>', 'the list names the field (its message is beside it, once)');
  t.match(html, '<a href="#settings-isOpen">Store is open for orders</a>');
  t.match(html, '<a href="#settings-packagingFee">Packaging fee</a>');
});

t.test('Hindi: the dashboard frame, home, orders, one order and settings read in the vendor’s language', async (t) => {
  const hi = vendorCtx({ locale: 'hi' });
  const home = renderPage({ page: 'dashboard', props: { ctx: hi, store, summary: { orders: 4, revenue: 250000, pending: 1 }, pendingOrders: [order()], storeUrl: 'https://shop.example.com/chai-corner' } });
  t.match(home, '<html lang="hi">');
  for (const text of ['स्टोर देखें', 'लॉग आउट', 'होम', 'प्रोडक्ट', 'सेटिंग्स', 'और', 'इन ऑर्डर पर काम करें', 'स्वीकार करें', 'अस्वीकार करें', 'WhatsApp पर शेयर करें', '3 ऑर्डर बाकी']) t.match(home, text);
  t.match(home, `href="https://wa.me/?text=${encodeURIComponent('Chai Corner से ऑनलाइन ऑर्डर करें: https://shop.example.com/chai-corner')}"`);
  const orders = renderPage({ page: 'orders', props: { ctx: hi, orders: [order()], status: 'pending', nextCursor: null } });
  for (const text of ['सभी', 'बाकी', 'स्वीकार', 'रद्द', 'खोजें', 'CSV डाउनलोड करें']) t.match(orders, text);
  const detail = renderPage({ page: 'order-detail', props: { ctx: hi, order: order(), nextStatuses: ['accepted', 'rejected', 'cancelled'], ...tracking } });
  for (const text of ['ऑर्डर #1001', 'ऑर्डर स्वीकार करें', 'ऑर्डर अस्वीकार करें', 'ऑर्डर रद्द करें', 'ग्राहक', 'भुगतान']) t.match(detail, text);
  const settings = renderPage({ page: 'settings', props: { ctx: hi, store: storeSettings, indianStates: [] } });
  for (const text of ['स्टोर की जानकारी', 'डिलीवरी और शुल्क', 'सूचनाएँ', 'स्टोर का नाम', 'डिलीवरी शुल्क', 'सेटिंग्स सेव करें']) t.match(settings, text);
  // No English of ours left in the main content (data and allowed terms aside).
  const main = settings.slice(settings.indexOf('<main'), settings.indexOf('</main>')).replace(/<[^>]+>/g, ' ');
  const english = (main.match(/\b[A-Z][a-z]{3,}\b/g) ?? []).filter((w) => !['Chai', 'Corner', 'Fresh', 'Assam', 'Darjeeling', 'Road', 'Pune', 'Asia', 'Kolkata', 'Kathmandu', 'Dhaka', 'Colombo', 'Thimphu', 'Indian', 'Maldives', 'Karachi', 'Yangon', 'Dubai', 'Riyadh', 'Singapore', 'Kuala', 'Lumpur', 'Europe', 'London', 'America', 'York', 'India', 'Nepal', 'Bangladesh', 'Lanka', 'Bhutan', 'Pakistan', 'Myanmar', 'Saudi', 'Arabia', 'Malaysia', 'United', 'Kingdom', 'Eastern', 'English'].includes(w)); // 'English' names the language in the language select
  t.same(english, [], 'no English words on the Hindi settings page, but place names');
});

t.test('settings: "Language your customers see" first among the store details', async (t) => {
  const before = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: storeSettings } });
  t.match(before, '<option value="en" selected>English</option>', 'the store’s language is chosen');
  const withLocale = { ...storeSettings, locale: 'hi' } as typeof storeSettings;
  const html = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: withLocale, errors: { locale: 'Choose a language' } } });
  const store = section(html, 'store');
  t.match(store, '<label for="settings-locale">Language your customers see</label>');
  t.match(store, '<option value="hi" selected>हिन्दी</option>');
  t.match(store, '<option value="en">English</option>');
  t.match(store, '<p class="field-error" id="settings-locale-error">Choose a language</p>');
  t.match(html, '<a href="#settings-locale">Language your customers see</a>');
  const typed = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: withLocale, values: { locale: 'en' } } });
  t.match(typed, '<option value="en" selected>English</option>', 'what was typed wins after a refused save');
});
