// Review #11: closing an account deletes the store's webhooks (URL, secret) with every delivery
// still to make, and the store forgets its UPI ID and takes cash only; other stores keep theirs.
import t from 'tap';
import { openAccounts, password } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';
import { orderFor } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant, { outbox: { enabled: false }, webhooks: { resolve: async () => ['93.184.216.34'] } });
    const { dukaan } = f;

    t.test('closeAccount deletes the webhooks and their deliveries, clears the UPI ID', async (t) => {
      const { vendor, store } = await f.signUp('close-hooks');
      const other = await f.signUp('keep-hooks');
      const principal = await dukaan.auth.resolveSession((await dukaan.auth.createSession(vendor.id, store.id)).token);
      if (!principal) throw new Error('no principal');
      await dukaan.stores.update(store.id, { upiId: '9876543210@ybl', paymentMethods: ['cod', 'upi'] });
      const hooks = [];
      for (const s of [store, other.store]) {
        const hook = await dukaan.webhooks.create(s.id, { url: 'https://hooks.example.com/x?token=vendor-secret', events: ['order.placed'] });
        await dukaan.webhooks.create(s.id, { url: 'https://hooks.example.com/y', events: ['order.placed'] });
        const product = await dukaan.catalog.createProduct(s.id, { name: 'Chai', price: 4900 });
        await dukaan.orders.place(s.slug, orderFor([{ productId: product.id, quantity: 1 }]));
        hooks.push(hook);
      }
      await dukaan.outbox.fanOut();
      t.equal((await dukaan.webhooks.deliveries(store.id, hooks[0]?.id ?? '')).length, 1, 'a pending delivery before');
      t.match(await f.persistence.stores.findById(store.id), { upiId: '9876543210@ybl', paymentMethods: ['cod', 'upi'] });

      await dukaan.vendors.closeAccount(principal, { password });

      t.same(await f.persistence.webhooks.listByStore(store.id), [], 'no webhook left');
      const left = (await f.knex('outbox_deliveries').where('store_id', store.id).whereNotNull('webhook_id').count({ n: '*' }).first()) as { n: unknown };
      t.equal(Number(left.n), 0, 'no webhook delivery left');
      t.match(await f.persistence.stores.findById(store.id), { upiId: null, paymentMethods: ['cod'], phone: null });
      t.equal((await f.persistence.webhooks.listByStore(other.store.id)).length, 2, "another store's webhooks stay");
      t.equal((await dukaan.webhooks.deliveries(other.store.id, hooks[1]?.id ?? '')).length, 1, "and their deliveries");
      await dukaan.outbox.runOnce();
    });
  });
}
