// The order list's search and filters, and its CSV export, on both databases: each filter, their
// combinations, paging through a filtered list, calendar days in India's time zone, refused
// input, other stores' orders, the query plan (the store's rows only), and the file read back.
import { buffer } from 'node:stream/consumers';
import t from 'tap';
import { exportPageSize } from '../src/accounts/export/pages.js';
import { applyOrderListFilters } from '../src/adapters/objection/order-list-filters.js';
import { exportOrders } from '../src/orders/export-orders.js';
import type { Order } from '../src/orders/order.js';
import type { OrderListQuery, OrderRepository } from '../src/orders/order-repository.js';
import { orderSearch } from '../src/orders/order-search.js';
import type { Persistence } from '../src/persistence.js';
import { newId, newToken } from '../src/shared/id.js';
import { localDateTime, startOfDay } from '../src/shared/time-zone.js';
import { coreVariants } from './support/core-variants.js';
import { csvRecords } from './support/csv.js';
import { openStore } from './support/orders.js';

t.test('search text: an order number, a phone number in any usual spelling, else a name', async (t) => {
  t.same(orderSearch('1001'), { name: '1001', number: 1001 });
  t.same(orderSearch(' #1001 '), { name: '#1001', number: 1001 });
  t.same(orderSearch('98765 43210'), { name: '98765 43210', phoneDigits: '919876543210' });
  t.same(orderSearch('+91 98765-43210'), { name: '+91 98765-43210', phoneDigits: '919876543210' });
  t.same(orderSearch('098765 43210'), { name: '098765 43210', phoneDigits: '919876543210' });
  t.same(orderSearch('+14155550100'), { name: '+14155550100', phoneDigits: '14155550100' });
  t.same(orderSearch('543210'), { name: '543210', number: 543210, phoneDigits: '543210' }, 'six digits: a number or part of a phone');
  t.same(orderSearch('Asha'), { name: 'Asha' });
  t.equal(orderSearch('   '), null);
  t.equal(orderSearch(undefined), null);
});

t.test('calendar days in Asia/Kolkata, and in a zone with daylight saving', async (t) => {
  t.equal(startOfDay('2025-03-05', 'Asia/Kolkata').toISOString(), '2025-03-04T18:30:00.000Z');
  t.equal(startOfDay('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
  t.equal(startOfDay('2026-03-09', 'America/New_York').toISOString(), '2026-03-09T04:00:00.000Z', 'after the clocks went forward');
  t.equal(localDateTime(new Date('2025-03-04T19:00:00.000Z'), 'Asia/Kolkata'), '05/03/2025 00:30');
});

/** Every page of a filtered list, following the cursors; fails on a loop. */
async function allPages(list: (cursor: string | undefined) => Promise<{ items: Order[]; nextCursor: string | null }>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 50; pages += 1) {
    const page = await list(cursor);
    ids.push(...page.items.map((o) => o.id));
    if (!page.nextCursor) return { ids, pages };
    cursor = page.nextCursor;
  }
  throw new Error('the cursor never ended');
}

/** The orders repository with every list() call recorded. */
function spiedOrders(base: OrderRepository, calls: OrderListQuery[]): OrderRepository {
  const orders = Object.create(base) as OrderRepository;
  orders.list = (storeId, query) => {
    calls.push(query);
    return base.list(storeId, query);
  };
  return orders;
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);

    /** Places an order for `name`/`phone` and sets when it was placed (UTC instant). */
    async function place(slug: string, storeId: string, name: string, phone: string, createdAt: string, quantity = 1): Promise<Order> {
      const product = await dukaan.catalog.createProduct(storeId, { name: 'Masala chai', price: 24900, stock: 100 });
      const { order } = await dukaan.orders.place(slug, { customer: { name, phone, address: '12 MG Road, Bengaluru', pincode: '560001' }, items: [{ productId: product.id, quantity }], paymentMethod: 'cod' });
      await knex('orders').where({ id: order.id }).update({ created_at: createdAt });
      return { ...order, createdAt };
    }

    const formula = '=HYPERLINK("http://evil.example","Click")';
    // Placed in this order, so ids (and the list) run o1 < o2 < ... ; the comments give India's time.
    const o1 = await place(store.slug, store.id, 'Asha Rao', '9876543210', '2025-03-04T18:29:59.999Z'); // 4 March, 23:59:59
    const o2 = await place(store.slug, store.id, 'Ravi Kumar', '+91 91234 56789', '2025-03-04T19:00:00.000Z'); // 5 March, 00:30 (UTC: the 4th)
    const o3 = await place(store.slug, store.id, 'ASHOK Mehta', '9000012345', '2025-03-05T18:00:00.000Z', 3); // 5 March, 23:30
    const o4 = await place(store.slug, store.id, formula, '9988776655', '2025-03-05T18:30:00.000Z'); // 6 March, 00:00
    const o5 = await place(store.slug, store.id, '100% Pure_Ghee Traders', '9811122233', '2025-03-07T06:00:00.000Z'); // 7 March, 11:30
    await dukaan.orders.changeStatus(store.id, o2.id, { status: 'accepted' });
    await dukaan.orders.changeStatus(store.id, o3.id, { status: 'accepted' });
    // Another store: the same customer, the same day, the same order number as o1.
    const theirs = await place(other.slug, other.id, 'Asha Rao', '9876543210', '2025-03-05T10:00:00.000Z');

    const ids = async (input: Record<string, unknown>, storeId = store.id) => {
      const page = await dukaan.orders.list(storeId, { limit: 100, ...input });
      t.ok(page.items.every((o) => o.storeId === storeId), 'only the store’s own orders');
      return page.items.map((o) => o.id);
    };

    t.test('no filter: every order of the store, newest first', async (t) => {
      t.same(await ids({}), [o5.id, o4.id, o3.id, o2.id, o1.id]);
      t.same(await ids({}, other.id), [theirs.id]);
    });

    t.test('q: an order number, with or without #, exactly', async (t) => {
      t.equal(o2.number, 1002);
      t.same(await ids({ q: '1002' }), [o2.id]);
      t.same(await ids({ q: '#1002' }), [o2.id]);
      t.same(await ids({ q: '#100' }), [], 'not a prefix');
      t.same(await ids({ q: '1001' }), [o1.id], 'the other store’s #1001 stays out');
    });

    t.test('q: part of a customer name, any case', async (t) => {
      t.same(await ids({ q: 'asha' }), [o1.id]);
      t.same(await ids({ q: 'ASH' }), [o3.id, o1.id]);
      t.same(await ids({ q: 'mehta' }), [o3.id]);
      t.same(await ids({ q: '%' }), [o5.id], '% is a character, not a wildcard');
      t.same(await ids({ q: 'e_G' }), [o5.id], '_ is a character too');
      t.same(await ids({ q: 'r_v' }), []);
      t.same(await ids({ q: 'nobody' }), []);
    });

    t.test('q: a phone number, however it is written', async (t) => {
      for (const q of ['98765 43210', '9876543210', '+919876543210', '+91 98765-43210', '098765 43210', '543210']) {
        t.same(await ids({ q }), [o1.id], q);
      }
      t.same(await ids({ q: '91234 56789' }), [o2.id]);
      t.same(await ids({ q: '98765 43210' }, other.id), [theirs.id], 'each store finds its own');
    });

    t.test('status', async (t) => {
      t.same(await ids({ status: 'accepted' }), [o3.id, o2.id]);
      t.same(await ids({ status: 'delivered' }), []);
    });

    t.test('from and to are days in India, both included, whatever the UTC date', async (t) => {
      t.same(await ids({ from: '2025-03-05', to: '2025-03-05' }), [o3.id, o2.id], '00:30 and 23:30 IST on the 5th; not 23:59 on the 4th nor 00:00 on the 6th');
      t.same(await ids({ to: '2025-03-04' }), [o1.id]);
      t.same(await ids({ from: '2025-03-06' }), [o5.id, o4.id]);
      t.same(await ids({ from: '2025-03-04', to: '2025-03-06' }), [o4.id, o3.id, o2.id, o1.id]);
      t.same(await ids({ from: '2025-03-08' }), []);
      t.same(await ids({ from: '', to: '', q: '' }), [o5.id, o4.id, o3.id, o2.id, o1.id], 'empty fields (a form sent blank) filter nothing');
    });

    t.test('filters combine', async (t) => {
      t.same(await ids({ q: 'a', status: 'accepted', from: '2025-03-05', to: '2025-03-05' }), [o3.id, o2.id]);
      t.same(await ids({ q: 'ravi', status: 'accepted', to: '2025-03-04' }), []);
      t.same(await ids({ q: 'ash', status: 'pending' }), [o1.id]);
      t.same(await ids({ q: '1003', from: '2025-03-06' }), []);
    });

    t.test('paging through a filtered list visits each match once, newest first', async (t) => {
      const walk = (input: Record<string, unknown>) => allPages(async (cursor) => dukaan.orders.list(store.id, { limit: 1, ...input, ...(cursor ? { cursor } : {}) }));
      t.same(await walk({ q: 'ra' }), { ids: [o5.id, o2.id, o1.id], pages: 3 });
      t.same(await walk({ q: 'ra', from: '2025-03-05' }), { ids: [o5.id, o2.id], pages: 2 });
      t.same(await walk({ status: 'pending' }), { ids: [o5.id, o4.id, o1.id], pages: 3 });
      const two = await allPages(async (cursor) => dukaan.orders.list(store.id, { limit: 2, status: 'accepted', ...(cursor ? { cursor } : {}) }));
      t.same(two, { ids: [o3.id, o2.id], pages: 1 }, 'no empty last page');
    });

    t.test('bad dates and a range that ends before it starts are refused, naming the field', async (t) => {
      const refusal = (input: Record<string, unknown>) => dukaan.orders.list(store.id, input).then(() => null, (error: { code?: string; details?: unknown }) => ({ code: error.code, details: error.details }));
      t.same(await refusal({ from: '2025-02-30' }), { code: 'VALIDATION_FAILED', details: [{ path: 'from', message: 'from must be a date written YYYY-MM-DD, such as 2026-01-31' }] });
      t.same(await refusal({ to: '05/03/2025' }), { code: 'VALIDATION_FAILED', details: [{ path: 'to', message: 'to must be a date written YYYY-MM-DD, such as 2026-01-31' }] });
      t.same(await refusal({ from: '2025-03-06', to: '2025-03-05' }), { code: 'VALIDATION_FAILED', details: [{ path: 'to', message: 'to must be on or after from (both days are included)' }] });
      t.match(await refusal({ q: 'x'.repeat(101) }), { code: 'VALIDATION_FAILED', details: [{ path: 'q' }] });
      t.match(await refusal({ status: 'lost' }), { code: 'VALIDATION_FAILED', details: [{ path: 'status' }] });
      t.same(await ids({ from: '1000-01-01', to: '9999-12-31' }), [o5.id, o4.id, o3.id, o2.id, o1.id], 'the widest range there is');
    });

    t.test('a search reads the store’s rows through an index that starts with store_id', async (t) => {
      const query: OrderListQuery = { limit: 21, search: orderSearch('98765 43210') ?? undefined, status: 'pending', createdFrom: '2025-03-01T00:00:00.000Z', after: o5.id };
      const builder = knex('orders').select('orders.*');
      applyOrderListFilters(builder, store.id, query);
      const { sql, bindings } = builder.orderBy('orders.id', 'desc').limit(21).toSQL();
      if (variant.name.startsWith('sqlite')) {
        const plan = ((await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
        t.match(plan, /SEARCH orders USING (COVERING )?INDEX \w+ \(store_id=/, plan);
        t.notMatch(plan, /SCAN orders/, 'no full scan');
      } else {
        // The tables are tiny, so the planner would happily scan them all: forbid it to see whether it could do otherwise.
        const plan = await knex.transaction(async (trx) => {
          await trx.raw('SET LOCAL enable_seqscan = off');
          const result = (await trx.raw(`EXPLAIN ${sql}`, bindings)) as { rows: Array<Record<string, string>> };
          return result.rows.map((row) => Object.values(row).join('')).join('\n');
        });
        t.match(plan, /Index Cond: .*store_id/, plan);
        t.notMatch(plan, /Seq Scan on orders/, 'no full scan');
      }
    });

    t.test('the export: the filtered orders as a CSV a spreadsheet opens', async (t) => {
      const { filename, stream } = await dukaan.orders.export(store.id, { from: '2025-03-05', to: '2025-03-06' });
      t.match(filename, new RegExp(`^orders-${store.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const bytes = await buffer(stream);
      t.ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a UTF-8 byte order mark');
      t.ok(bytes.includes('\r\n'), 'CRLF line ends');
      const rows = csvRecords(t, bytes);
      t.same(rows.map((r) => r['Order ID']), [o4.id, o3.id, o2.id], 'one row per order, newest first, only the filtered days');
      t.same(Object.keys(rows[0] ?? {}), [
        'Order number', 'Placed (Asia/Kolkata)', 'Status', 'Customer', 'Phone', 'Email', 'Address', 'PIN code', 'Items', 'Quantity',
        'Subtotal', 'Delivery fee', 'Total', 'Currency', 'Payment method', 'Payment status', 'Payment reference', 'Note', 'Order ID',
      ]);
      t.same(rows[1], {
        'Order number': String(o3.number),
        'Placed (Asia/Kolkata)': '05/03/2025 23:30',
        Status: 'accepted',
        Customer: 'ASHOK Mehta',
        Phone: '+91 90000 12345',
        Email: '',
        Address: '12 MG Road, Bengaluru',
        'PIN code': '560001',
        Items: 'Masala chai × 3',
        Quantity: '3',
        Subtotal: '747.00',
        'Delivery fee': '0.00',
        Total: '747.00',
        Currency: 'INR',
        'Payment method': 'cod',
        'Payment status': 'pending',
        'Payment reference': '',
        Note: '',
        'Order ID': o3.id,
      });
      t.equal(rows[0]?.['Customer'], `'${formula}`, 'a name that looks like a formula is text (leading apostrophe)');
      t.equal(rows[0]?.['Placed (Asia/Kolkata)'], '06/03/2025 00:00');
      t.equal(rows[2]?.['Placed (Asia/Kolkata)'], '05/03/2025 00:30', 'the day in India, not in UTC');
      const text = bytes.toString('utf8');
      t.notMatch(text, /24900/, 'no amounts in paise');
      t.notMatch(text, theirs.id, 'nothing of another store');
    });

    t.test('the export takes every filter, and refuses bad ones before any byte', async (t) => {
      const rowsOf = async (input: Record<string, unknown>) => csvRecords(t, await buffer((await dukaan.orders.export(store.id, input)).stream)).map((r) => r['Order ID']);
      t.same(await rowsOf({ q: '98765 43210' }), [o1.id]);
      t.same(await rowsOf({ q: '#1003', status: 'accepted' }), [o3.id]);
      t.same(await rowsOf({ status: 'delivered' }), [], 'no match: the header row alone');
      t.same(await rowsOf({}), [o5.id, o4.id, o3.id, o2.id, o1.id]);
      await t.rejects(dukaan.orders.export(store.id, { from: '2025-03-07', to: '2025-03-06' }), { code: 'VALIDATION_FAILED', details: [{ path: 'to' }] });
      await t.rejects(dukaan.orders.export(store.id, { limit: 5 }), { code: 'VALIDATION_FAILED', details: [{ path: 'limit' }] }, 'no paging: the file holds every match');
      await t.rejects(dukaan.orders.export(newId(), {}), { code: 'NOT_FOUND' });
    });

    t.test('a long export reads page by page with the filters on every page', async (t) => {
      const { store: big } = await openStore(dukaan);
      const template = await place(big.slug, big.id, 'Meena Iyer', '9123456780', '2025-04-01T06:30:00.000Z');
      const seeded = exportPageSize * 2 + 4;
      await fixture.persistence.transaction(async (tx) => {
        for (let i = 0; i < seeded; i += 1) {
          const name = i % 2 === 0 ? `Meena ${i}` : `Kiran ${i}`;
          await tx.orders.insertWithNextNumber({ ...template, id: newId(), token: newToken(), idempotencyKey: null, idempotencyFingerprint: null, customer: { ...template.customer, name } });
        }
      });
      const calls: OrderListQuery[] = [];
      const persistence: Persistence = { ...fixture.persistence, orders: spiedOrders(fixture.persistence.orders, calls) };
      const { stream } = await exportOrders({ persistence, clock: { now: () => new Date() } }, big.id, { q: 'meena' });
      const rows = csvRecords(t, await buffer(stream));
      t.equal(rows.length, seeded / 2 + 1, 'every Meena, no Kiran');
      t.equal(new Set(rows.map((r) => r['Order ID'])).size, rows.length, 'no order twice');
      t.ok(rows.every((r) => r['Customer']?.startsWith('Meena')));
      t.equal(calls.length, Math.ceil(rows.length / exportPageSize), 'one query per page');
      t.ok(calls.every((q) => q.limit === exportPageSize && q.search?.name === 'meena'), 'each page asked with the search');
    });
  });
}
