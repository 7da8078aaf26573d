// The order list reads rows without objection model instances (PostgreSQL: postgres-order-list.ts):
// its orders must be exactly what the models give for the same rows, on both databases, for new
// rows and for rows older migrations left (no variant, no tax rate, no reason, no payment time).
import t from 'tap';
import type { Pojo } from 'objection';
import { OrderItemModel, lineOfRow } from '../src/adapters/objection/models/order-item-model.js';
import { OrderModel, orderOfRow } from '../src/adapters/objection/models/order-model.js';
import { OrderStatusModel, statusChangeOfRow } from '../src/adapters/objection/models/order-status-model.js';
import { fieldsOfRow } from '../src/adapters/objection/models/row-fields.js';
import type { Order } from '../src/orders/order.js';
import { newId, newToken } from '../src/shared/id.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

/** The model's own properties (what `fromDatabaseJson` set), as a plain object. */
function propertiesOf(model: object): Pojo {
  return Object.fromEntries(Object.entries(model));
}

t.test('fieldsOfRow: JSON columns that arrive as text are parsed, text that is not JSON stays text, as objection does', async (t) => {
  const row = { order_id: 'o', position: 0, options: '{"size":"L"}', unit_price: '24900', tax_rate_bp: 1800, line_total: 24900 };
  t.strictSame(fieldsOfRow(OrderItemModel, row), propertiesOf(OrderItemModel.fromDatabaseJson(row)));
  t.strictSame(fieldsOfRow(OrderItemModel, row), { orderId: 'o', position: 0, options: { size: 'L' }, unitPrice: 24900, taxRate: 18, lineTotal: 24900 });
  const broken = { ...row, options: 'not json', tax_rate_bp: null };
  t.strictSame(fieldsOfRow(OrderItemModel, broken), propertiesOf(OrderItemModel.fromDatabaseJson(broken)));
  t.equal(fieldsOfRow(OrderItemModel, broken)['options'], 'not json');
  t.equal(fieldsOfRow(OrderItemModel, broken)['taxRate'], null);
  const order = { id: 'x', igst: 1, prices_include_tax: 0, total: '12345', charges: '[{"kind":"cod","amount":2000}]', customer_erased_at: null };
  t.strictSame(fieldsOfRow(OrderModel, order), propertiesOf(OrderModel.fromDatabaseJson(order)));
  t.strictSame(fieldsOfRow(OrderModel, order), { id: 'x', igst: true, pricesIncludeTax: false, total: 12345, charges: [{ kind: 'cod', amount: 2000 }], customerErasedAt: null });
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex, persistence } = fixture;
    const { store } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Masala chai', price: 24900, stock: 100 });
    const { order: placed } = await dukaan.orders.place(store.slug, {
      customer: { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001', email: 'asha@example.com' },
      items: [{ productId: product.id, quantity: 2 }],
      paymentMethod: 'cod',
      note: 'Ring twice',
    });
    // Every optional part set, on the same store and product (the line's foreign keys hold).
    const line = placed.items[0];
    if (!line) throw new Error('the placed order has no line');
    const full: Order = {
      ...placed,
      id: newId(),
      token: newToken(),
      idempotencyKey: null,
      idempotencyFingerprint: null,
      customer: { ...placed.customer, house: '12', street: 'MG Road', landmark: 'Near the temple', city: 'Bengaluru', state: 'Karnataka' },
      items: [
        { ...line, options: { size: 'L', colour: 'Red' }, sku: 'CHAI-L', taxRate: 0.25, hsnCode: '0902', discount: 500, taxableValue: 49300, tax: 123 },
        { ...line, quantity: 1, lineTotal: 24900, taxRate: 18, hsnCode: null, discount: 0, taxableValue: 24900, tax: 4482 },
      ],
      coupon: { code: 'DIWALI' },
      discount: 500,
      charges: [{ kind: 'cod', amount: 2000, taxRate: 18 } as Order['charges'][number]],
      codFee: 2000,
      taxTotal: 4605,
      tax: { cgst: 0, sgst: 0, igst: 4605 },
      pricesIncludeTax: false,
      sellerGstin: '29ABCDE1234F1Z5',
      placeOfSupply: '27',
      payment: { method: 'upi', status: 'paid', reference: 'UPI-123', updatedAt: placed.createdAt },
      paymentMethod: 'upi',
      history: [
        { status: 'pending', at: placed.createdAt, reason: null },
        { status: 'cancelled', at: placed.updatedAt, reason: 'said he moved to Pune' },
      ],
      status: 'cancelled',
    };
    await persistence.orders.insertWithNextNumber(full);
    await persistence.orders.assignInvoice(store.id, full.id, '2025-26', placed.createdAt);
    // A row as the older migrations left it: no variant, taxable value, reason nor payment time.
    const legacy = await dukaan.orders.place(store.slug, { customer: { name: 'Ravi Kumar', phone: '9123456780', address: '1 Park St', pincode: '700016' }, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'cod' });
    await knex('order_items').where({ order_id: legacy.order.id }).update({ variant_id: null, taxable_value: null });
    await knex('order_status_history').where({ order_id: legacy.order.id }).update({ reason: null });
    await knex('orders').where({ id: legacy.order.id }).update({ payment_updated_at: null });

    /** The store's orders as the models map their rows (the mapping before this change). */
    async function throughModels(): Promise<Order[]> {
      const rows = (await knex('orders').where({ store_id: store.id }).orderBy('id', 'desc')) as Record<string, unknown>[];
      const orders: Order[] = [];
      for (const row of rows) {
        const items = (await knex('order_items').where({ order_id: row['id'] }).orderBy('position')) as Record<string, unknown>[];
        const history = (await knex('order_status_history').where({ order_id: row['id'] }).orderBy('id')) as Record<string, unknown>[];
        t.strictSame(fieldsOfRow(OrderModel, row), propertiesOf(OrderModel.fromDatabaseJson(row)), 'an order row reads the same without a model');
        for (const item of items) t.strictSame(fieldsOfRow(OrderItemModel, item), propertiesOf(OrderItemModel.fromDatabaseJson(item)), 'a line row too');
        for (const change of history) t.strictSame(fieldsOfRow(OrderStatusModel, change), propertiesOf(OrderStatusModel.fromDatabaseJson(change)), 'a history row too');
        const model = OrderModel.fromDatabaseJson(row).toOrder(
          items.map((item) => OrderItemModel.fromDatabaseJson(item).toLine()),
          history.map((change) => OrderStatusModel.fromDatabaseJson(change).toStatusChange()),
        );
        t.strictSame(orderOfRow(row, items.map(lineOfRow), history.map(statusChangeOfRow)), model, 'the row functions map as the models do');
        orders.push(model);
      }
      return orders;
    }

    t.test('the list gives exactly the orders the models map, and one by id too', async (t) => {
      const expected = await throughModels();
      t.equal(expected.length, 3);
      const page = await persistence.orders.list(store.id, { limit: 20 });
      t.strictSame(page.items, expected);
      t.strictSame(await persistence.orders.findById(store.id, full.id), expected.find((o) => o.id === full.id));
      const read = expected.find((o) => o.id === full.id);
      t.match(read, { invoice: { number: 1, financialYear: '2025-26' }, tax: { igst: 4605 }, coupon: { code: 'DIWALI' }, customer: { landmark: 'Near the temple' } });
      t.strictSame(read?.items.map((i) => i.taxRate), [0.25, 18]);
      const old = expected.find((o) => o.id === legacy.order.id);
      t.match(old, { payment: { updatedAt: old?.createdAt }, history: [{ reason: null }] });
      t.equal(old?.items[0]?.variantId, product.id, 'a line sold before variants: its product');
    });

    if (variant.name.toLowerCase().includes('postgres')) {
      t.test('PostgreSQL: a list page builds no model instance per order, line or history entry', async (t) => {
        const calls: string[] = [];
        // Counted on the models' own fromDatabaseJson, the one way objection builds an instance from a row.
        const spies = [OrderModel, OrderItemModel, OrderStatusModel].map((model: { tableName: string; fromDatabaseJson: (json: object) => unknown }) => {
          const original = model.fromDatabaseJson;
          model.fromDatabaseJson = function (this: unknown, json: object) {
            calls.push(model.tableName);
            return original.call(this, json);
          };
          return () => {
            model.fromDatabaseJson = original;
          };
        });
        try {
          const page = await persistence.orders.list(store.id, { limit: 20 });
          t.equal(page.items.length, 3);
        } finally {
          for (const restore of spies) restore();
        }
        t.strictSame(calls, []);
      });
    }
  });
}
