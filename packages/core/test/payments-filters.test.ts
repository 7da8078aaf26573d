// The order list and its CSV export by payment: the `paymentStatus` filter, `from`/`to` counted
// in the store's own time zone (not a fixed Asia/Kolkata), and the payment columns of the file.
import { buffer } from 'node:stream/consumers';
import t from 'tap';
import type { Order } from '../src/orders/order.js';
import { coreVariants } from './support/core-variants.js';
import { csvRecords } from './support/csv.js';
import { customer, openStore } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const { store } = await openStore(dukaan, { paymentMethods: ['cod', 'upi'], upiId: 'ghee.traders@okaxis' });
    const { store: other } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Ghee', price: 50000, stock: 100 });
    const theirProduct = await dukaan.catalog.createProduct(other.id, { name: 'Ghee', price: 50000 });

    /** An order paid by `method`, placed at `createdAt` (a UTC instant). */
    async function place(method: 'cod' | 'upi', createdAt: string, slug = store.slug, productId = product.id): Promise<Order> {
      const { order } = await dukaan.orders.place(slug, { customer, items: [{ productId, quantity: 1 }], paymentMethod: method });
      await knex('orders').where({ id: order.id }).update({ created_at: createdAt });
      return { ...order, createdAt };
    }
    // 23:30 on 1 June in London (BST, UTC+1) is 04:00 on 2 June in India.
    const late = await place('upi', '2025-06-01T22:30:00.000Z');
    const paid = await place('upi', '2025-06-02T10:00:00.000Z');
    const refunded = await place('upi', '2025-06-03T10:00:00.000Z');
    const cash = await place('cod', '2025-06-03T12:00:00.000Z');
    const theirs = await place('cod', '2025-06-02T10:00:00.000Z', other.slug, theirProduct.id);
    await dukaan.orders.changePayment(store.id, paid.id, { status: 'paid', reference: 'UTR 5150 1234' });
    await dukaan.orders.changePayment(store.id, refunded.id, { status: 'paid', reference: '=cmd|calc' });
    await dukaan.orders.changeStatus(store.id, refunded.id, { status: 'cancelled' });
    await dukaan.orders.changePayment(store.id, refunded.id, { status: 'refunded' });
    await dukaan.orders.changePayment(other.id, theirs.id, { status: 'paid' });

    const ids = async (input: Record<string, unknown>, storeId = store.id) => (await dukaan.orders.list(storeId, { limit: 100, ...input })).items.map((o) => o.id);

    t.test('paymentStatus filters, alone and with the others', async (t) => {
      t.same(await ids({ paymentStatus: 'pending' }), [cash.id, late.id]);
      t.same(await ids({ paymentStatus: 'paid' }), [paid.id], "the other store's paid order stays out");
      t.same(await ids({ paymentStatus: 'refunded' }), [refunded.id]);
      t.same(await ids({ paymentStatus: 'refunded', status: 'cancelled' }), [refunded.id]);
      t.same(await ids({ paymentStatus: 'paid', status: 'cancelled' }), []);
      t.same(await ids({ paymentStatus: 'pending', from: '2025-06-03', to: '2025-06-03' }), [cash.id]);
      const page = await dukaan.orders.list(store.id, { limit: 1, paymentStatus: 'pending' });
      t.same(page.items.map((o) => o.id), [cash.id]);
      t.same(await ids({ paymentStatus: 'pending', cursor: page.nextCursor }), [late.id], 'pages keep the filter');
      for (const paymentStatus of ['PAID', 'unpaid', '', 'paid\0', 'x'.repeat(10_000), 5]) {
        await t.rejects(dukaan.orders.list(store.id, { paymentStatus }), { code: 'VALIDATION_FAILED', details: [{ path: 'paymentStatus' }] }, JSON.stringify(paymentStatus).slice(0, 20));
        await t.rejects(dukaan.orders.export(store.id, { paymentStatus }), { code: 'VALIDATION_FAILED', details: [{ path: 'paymentStatus' }] });
      }
    });

    t.test("from and to are days in the store's time zone", async (t) => {
      t.same(await ids({ from: '2025-06-02', to: '2025-06-02' }), [paid.id, late.id], 'in India (the default) the late order is on the 2nd');
      await dukaan.stores.update(store.id, { timeZone: 'Europe/London' });
      t.same(await ids({ from: '2025-06-02', to: '2025-06-02' }), [paid.id], 'in London it is on the 1st');
      t.same(await ids({ from: '2025-06-01', to: '2025-06-01' }), [late.id]);
      t.same(await ids({ to: '2025-06-01' }), [late.id]);
      t.same(await ids({ from: '2025-06-03' }), [cash.id, refunded.id]);
      const csv = csvRecords(t, await buffer((await dukaan.orders.export(store.id, { from: '2025-06-01', to: '2025-06-01' })).stream));
      t.same(csv.map((r) => r['Order ID']), [late.id], 'the export counts days alike');
      t.equal(csv[0]?.['Placed (Europe/London)'], '01/06/2025 23:30', 'and writes the times there, naming the zone');
      await dukaan.stores.update(store.id, { timeZone: 'Asia/Kolkata' });
    });

    t.test('the CSV has the payment status and reference of each order, formulas defused', async (t) => {
      const { filename, stream } = await dukaan.orders.export(store.id, {});
      t.match(filename, /\.csv$/);
      const rows = csvRecords(t, await buffer(stream));
      const byId = new Map(rows.map((r) => [r['Order ID'], r]));
      t.match(byId.get(paid.id), { 'Payment method': 'upi', 'Payment status': 'paid', 'Payment reference': 'UTR 5150 1234' });
      t.match(byId.get(refunded.id), { 'Payment status': 'refunded', 'Payment reference': "'=cmd|calc" }, 'a reference that looks like a formula is text');
      t.match(byId.get(cash.id), { 'Payment method': 'cod', 'Payment status': 'pending', 'Payment reference': '' });
      const onlyPaid = csvRecords(t, await buffer((await dukaan.orders.export(store.id, { paymentStatus: 'paid' })).stream));
      t.same(onlyPaid.map((r) => r['Order ID']), [paid.id]);
    });
  });
}
