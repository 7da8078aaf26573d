// The dashboard's order list: a GET search form that needs no JavaScript, filters kept by every
// link (tabs, next page, the CSV export), and refused filters shown beside their fields.
import t from 'tap';
import { renderPage } from '../src/index.js';
import { attrValues, controls, forms, isLabelled, tagWithId } from './fixtures/html.js';
import { order, vendorCtx } from './fixtures/pages.js';

const filters = { q: 'Asha & co', from: '2025-03-01', to: '2025-03-05' };

t.test('a GET form: search, from, to, the status tab as a hidden field; values shown again', async (t) => {
  const html = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [order()], status: 'accepted', filters, nextCursor: null } });
  const search = forms(html).find((f) => f.includes('role="search"')) ?? '';
  t.match(search, '<form method="get" action="/dashboard/orders" class="inline-form" role="search" aria-label="Search orders">');
  t.notMatch(search, 'name="crumb"', 'a GET form carries no CSRF crumb');
  t.match(search, '<input type="hidden" name="status" value="accepted"/>');
  t.match(tagWithId(html, 'orders-filter-q') ?? '', /type="search"[^>]*value="Asha &amp; co"|value="Asha &amp; co"[^>]*type="search"/);
  t.match(tagWithId(html, 'orders-filter-from') ?? '', 'type="date"');
  t.match(tagWithId(html, 'orders-filter-from') ?? '', 'value="2025-03-01"');
  t.match(tagWithId(html, 'orders-filter-to') ?? '', 'value="2025-03-05"');
  for (const control of controls(search)) t.ok(isLabelled(html, control), `labelled: ${control}`);
  t.match(search, '<a class="btn btn-secondary" href="/dashboard/orders?status=accepted">Clear</a>', 'Clear keeps the tab, drops the filters');
  t.notMatch(html, '<script src', 'nothing here needs JavaScript');
});

t.test('tabs, the next page and the export link keep the filters', async (t) => {
  const html = renderPage({ page: 'orders', props: { ctx: vendorCtx({ basePath: '/shop' }), orders: [order()], status: 'pending', filters, nextCursor: 'n1' } });
  const hrefs = attrValues(html, 'href');
  t.ok(hrefs.includes('/shop/dashboard/orders?q=Asha+%26+co&from=2025-03-01&to=2025-03-05'), 'All keeps the search');
  t.ok(hrefs.includes('/shop/dashboard/orders?status=delivered&q=Asha+%26+co&from=2025-03-01&to=2025-03-05'), 'another tab keeps it too');
  t.ok(hrefs.includes('/shop/dashboard/orders?status=pending&q=Asha+%26+co&from=2025-03-01&to=2025-03-05&cursor=n1'), 'the next page');
  t.ok(hrefs.includes('/shop/api/v1/orders/export?status=pending&q=Asha+%26+co&from=2025-03-01&to=2025-03-05'), 'the export: the list as shown');
  t.match(html, />Export CSV<\/a>/);
  t.match(html, 'action="/shop/dashboard/orders"');
});

t.test('without filters: the plain links and the usual empty messages; with them, "No orders match."', async (t) => {
  const plain = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [], status: null, nextCursor: null } });
  t.ok(attrValues(plain, 'href').includes('/api/v1/orders/export'), 'the export of everything');
  t.match(plain, 'No orders yet.');
  t.notMatch(plain, '>Clear</a>');
  const none = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [], status: null, filters: { q: 'zzz', from: '', to: '' }, nextCursor: null } });
  t.match(none, '<p class="empty">No orders match.</p>');
});

t.test('refused filters: the reason beside the field and in a summary; no list and no export of a refused query', async (t) => {
  const html = renderPage({
    page: 'orders',
    props: { ctx: vendorCtx(), orders: [], status: null, filters: { q: '', from: '2025-03-06', to: '2025-03-05' }, errors: { to: 'To must be on or after from (both days are included)' }, nextCursor: null },
  });
  t.match(tagWithId(html, 'orders-filter-to') ?? '', 'aria-invalid="true"');
  t.match(html, '<p class="field-error" id="orders-filter-to-error">To must be on or after from (both days are included)</p>');
  t.match(html, '<a href="#orders-filter-to">To</a>');
  t.notMatch(html, 'Export CSV');
  t.notMatch(html, 'No orders');
});
