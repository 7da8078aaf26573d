// Issue 11 item 7 over HTTP: GET /api/v1/orders with q, status, from and to; GET /api/v1/orders/export
// as a CSV download; and the dashboard's GET form and "Export CSV" link, on both databases.
import t from 'tap';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { csvRecords } from './support/csv.js';
import { urlsOf } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server, knex } = fixture;

    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const chai = await api.product({ name: 'Masala Chai', price: 24900, stock: 100 });
    /** An order by `name`/`phone`, placed at `createdAt` (UTC). */
    async function order(name: string, phone: string, createdAt: string, slug = vendor.store.slug, productId: string = chai.id) {
      const response = await server.inject({ method: 'POST', url: `/api/v1/stores/${slug}/orders`, payload: { customer: { name, phone, address: '12 MG Road, Bengaluru', pincode: '560001' }, items: [{ productId, quantity: 2 }], paymentMethod: 'cod' } });
      if (response.statusCode !== 201) throw new Error(response.payload);
      await knex('orders').where({ id: json(response).id }).update({ created_at: createdAt });
      return json(response) as { id: string; number: number };
    }
    const asha = await order('Asha Rao', '9876543210', '2025-03-04T19:00:00.000Z'); // 5 March, 00:30 in India
    const ravi = await order('@SUM(A1:A9) Ravi', '9123456789', '2025-03-05T18:45:00.000Z'); // 6 March, 00:15 in India
    await api.post(`/api/v1/orders/${ravi.id}/status`, { status: 'accepted' });
    const rival = await signUp(server);
    const rivalChai = await client(server, rival.headers).product({ name: 'Chai', price: 100, stock: 5 });
    await order('Asha Rao', '9876543210', '2025-03-05T06:00:00.000Z', rival.store.slug, rivalChai.id);

    const listed = async (query: string) => {
      const response = await api.get(`/api/v1/orders${query}`);
      t.equal(response.statusCode, 200, query);
      return (json(response).items as Array<{ id: string }>).map((o) => o.id);
    };

    t.test('GET /api/v1/orders filters by q, status, from and to, only in the vendor’s store', async (t) => {
      t.same(await listed(''), [ravi.id, asha.id]);
      t.same(await listed(`?q=${encodeURIComponent('#1001')}`), [asha.id]);
      t.same(await listed('?q=ASHA'), [asha.id], 'not the other store’s Asha');
      t.same(await listed(`?q=${encodeURIComponent('98765 43210')}`), [asha.id]);
      t.same(await listed(`?q=${encodeURIComponent('+919876543210')}`), [asha.id]);
      t.same(await listed('?status=accepted'), [ravi.id]);
      t.same(await listed('?from=2025-03-05&to=2025-03-05'), [asha.id], '00:30 IST on the 5th is the 5th, though its UTC date is the 4th');
      t.same(await listed('?from=2025-03-06'), [ravi.id]);
      t.same(await listed('?q=ravi&status=accepted&from=2025-03-06&to=2025-03-06'), [ravi.id]);
      const first = json(await api.get('/api/v1/orders?limit=1&to=2025-03-06'));
      t.same(first.items.map((o: { id: string }) => o.id), [ravi.id]);
      t.same(await listed(`?limit=1&to=2025-03-06&cursor=${first.nextCursor}`), [asha.id], 'the cursor keeps to the filters');
    });

    t.test('bad dates and to before from are 400 VALIDATION_FAILED naming the field', async (t) => {
      const backwards = await api.get('/api/v1/orders?from=2025-03-06&to=2025-03-05');
      t.equal(backwards.statusCode, 400);
      t.match(errorOf(backwards), { code: 'VALIDATION_FAILED', details: [{ path: 'to', message: 'to must be on or after from (both days are included)' }] });
      const impossible = await api.get('/api/v1/orders?from=2025-02-29');
      t.equal(impossible.statusCode, 400);
      t.match(errorOf(impossible), { code: 'VALIDATION_FAILED', details: [{ path: 'from', message: 'from must be a date written YYYY-MM-DD, such as 2026-01-31' }] });
      t.equal((await api.get('/api/v1/orders?to=5-3-2025')).statusCode, 400);
      t.equal((await api.get('/api/v1/orders/export?from=2025-03-06&to=2025-03-05')).statusCode, 400);
      t.match(errorOf(await api.get('/api/v1/orders/export?cursor=abc')), { code: 'VALIDATION_FAILED', details: [{ path: 'cursor' }] }, 'the export does not page');
    });

    t.test('GET /api/v1/orders/export: a CSV attachment that opens cleanly in a spreadsheet', async (t) => {
      const response = await api.get('/api/v1/orders/export?from=2025-03-01&to=2025-03-31');
      t.equal(response.statusCode, 200);
      t.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      t.match(String(response.headers['content-disposition']), new RegExp(`^attachment; filename="orders-${vendor.store.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      t.match(String(response.headers['cache-control']), /no-store/);
      const bytes = response.rawPayload;
      t.ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a UTF-8 byte order mark first');
      const rows = csvRecords(bytes.toString('utf8'));
      t.same(rows.map((r) => r['Order ID']), [ravi.id, asha.id]);
      t.match(rows[1], { 'Order number': '1001', 'Placed (Asia/Kolkata)': '05/03/2025 00:30', Customer: 'Asha Rao', Phone: '+91 98765 43210', Items: 'Masala Chai × 2', Quantity: '2', Subtotal: '498.00', Total: '498.00', Currency: 'INR', Status: 'pending' });
      t.equal(rows[0]?.['Customer'], "'@SUM(A1:A9) Ravi", 'a formula-looking name is neutralised');
      t.same(csvRecords((await api.get('/api/v1/orders/export?status=delivered')).rawPayload.toString('utf8')), [], 'no match: the header alone');
    });

    t.test('the export needs the vendor; an API token works; the other store sees only its own', async (t) => {
      const anonymous = await server.inject('/api/v1/orders/export');
      t.equal(anonymous.statusCode, 401);
      const token = json(await api.post('/api/v1/tokens', { name: 'sheets' })).token as string;
      const byToken = await server.inject({ url: '/api/v1/orders/export?q=asha', headers: { authorization: `Bearer ${token}` } });
      t.equal(byToken.statusCode, 200);
      t.same(csvRecords(byToken.payload).map((r) => r['Order ID']), [asha.id]);
      const theirs = csvRecords((await client(server, rival.headers).get('/api/v1/orders/export')).payload);
      t.equal(theirs.length, 1);
      t.notOk(theirs.some((r) => r['Order ID'] === asha.id || r['Order ID'] === ravi.id));
    });

    t.test('the dashboard: a GET form without JavaScript, an export link with the same filters', async (t) => {
      const page = await server.inject({ url: `/dashboard/orders?status=pending&q=${encodeURIComponent('98765 43210')}&from=2025-03-05&to=`, headers: vendor.headers });
      t.equal(page.statusCode, 200);
      t.match(page.payload, `/dashboard/orders/${asha.id}`);
      t.notMatch(page.payload, `/dashboard/orders/${ravi.id}`);
      const exportUrl = urlsOf(page.payload).find((url) => url.startsWith('/api/v1/orders/export'));
      t.equal(exportUrl, '/api/v1/orders/export?status=pending&q=98765+43210&from=2025-03-05');
      const download = await server.inject({ url: exportUrl ?? '', headers: vendor.headers });
      t.equal(download.statusCode, 200, 'the link works with the session cookie');
      t.same(csvRecords(download.payload).map((r) => r['Order ID']), [asha.id]);
      const refused = await server.inject({ url: '/dashboard/orders?from=2025-03-06&to=2025-03-05', headers: vendor.headers });
      t.equal(refused.statusCode, 400, 'refused filters: the page again, under 400');
      t.match(refused.payload, 'To must be on or after from (both days are included)');
      t.match(refused.payload, 'value="2025-03-06"');
    });
  });
}
