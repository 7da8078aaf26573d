// Every change of a stock count is announced as `stock.changed`, so shown stock can follow at once.
import t from 'tap';
import { inProcessEventBus, type DomainEvent } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const events = inProcessEventBus();
    const seen: DomainEvent[] = [];
    events.subscribe((event) => void seen.push(event));
    const fixture = await variant.open({ events });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const tracked = await dukaan.catalog.createProduct(store.id, { name: 'Tracked', price: 1000, stock: 5 });
    const untracked = await dukaan.catalog.createProduct(store.id, { name: 'Untracked', price: 1000 });
    const stockEvents = async (work: () => Promise<unknown>) => {
      seen.length = 0;
      await work();
      return seen.filter((e) => e.type === 'stock.changed').map((e) => (e.type === 'stock.changed' ? e.productIds : []));
    };
    const catalogEvents = () => seen.filter((e) => e.type === 'catalog.changed').length;

    t.test('an order announces the tracked products it took stock from', async (t) => {
      let orderId = '';
      const changed = await stockEvents(async () => {
        const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: tracked.id, quantity: 2 }, { productId: untracked.id, quantity: 1 }]));
        orderId = order.id;
      });
      t.same(changed, [[tracked.id]]);
      t.same(await stockEvents(() => dukaan.orders.changeStatus(store.id, orderId, { status: 'cancelled' })), [[tracked.id, untracked.id]], 'a cancellation returns stock');
      const { order: rejected } = await dukaan.orders.place(store.slug, orderFor([{ productId: tracked.id, quantity: 1 }]));
      t.same(await stockEvents(() => dukaan.orders.changeStatus(store.id, rejected.id, { status: 'rejected' })), [[tracked.id]], 'so does a rejection');
      const { order: accepted } = await dukaan.orders.place(store.slug, orderFor([{ productId: tracked.id, quantity: 1 }]));
      t.same(await stockEvents(() => dukaan.orders.changeStatus(store.id, accepted.id, { status: 'accepted' })), [], 'accepting changes no stock');
    });

    t.test('stock edits announce stock, not a catalogue change', async (t) => {
      t.same(await stockEvents(() => dukaan.catalog.adjustStock(store.id, tracked.id, { delta: 3 })), [[tracked.id]]);
      t.equal(catalogEvents(), 0);
      t.same(await stockEvents(() => dukaan.catalog.updateProduct(store.id, tracked.id, { stock: 40 })), [[tracked.id]]);
      t.equal(catalogEvents(), 0, 'only the stock changed');
      t.same(await stockEvents(() => dukaan.catalog.updateProduct(store.id, tracked.id, { stock: 41, name: 'Renamed' })), [[tracked.id]]);
      t.equal(catalogEvents(), 1, 'a name change is a catalogue change');
      t.same(await stockEvents(() => dukaan.catalog.updateProduct(store.id, tracked.id, { price: 1200 })), [], 'a price change is not a stock change');
    });
  });
}
