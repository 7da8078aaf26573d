// Closing an account erases the vendor everywhere it was copied and keeps what tax needs;
// a vendor can also erase one customer's personal data from their orders.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openAccounts, password } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';
import { tinyPng } from './support/images.js';
import { customer, orderFor } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant);
    const { dukaan } = f;

    t.test('closeAccount: offline at once, personal data erased, totals kept, every credential dead', async (t) => {
      const { vendor, store } = await f.signUp('closing');
      const session = await dukaan.auth.createSession(vendor.id, store.id);
      const principal = await dukaan.auth.resolveSession(session.token);
      if (!principal) throw new Error('no principal');
      const apiToken = await dukaan.auth.createApiToken(principal, { name: 'ci' });
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Masala Chai', price: 4900 });
      const { url: imageUrl } = await dukaan.catalog.addProductImage(store.id, product.id, tinyPng);
      const { logoUrl } = await dukaan.stores.saveLogo(store.id, tinyPng);
      const { order } = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: product.id, quantity: 2 }]), customer: { ...customer, email: 'asha@example.com' } }, { idempotencyKey: 'close-1' });
      await dukaan.vendors.requestPasswordReset({ email: vendor.email });
      await f.mailTo(vendor.email, /reset your password/i);

      const files = [imageUrl, logoUrl ?? ''].map((url) => join(f.mediaDir, url.replace(/^\/media\//, '')));
      t.ok(files.every((file) => existsSync(file)), 'the image files are there before');
      // Cached everywhere before the close: this instance, another one, the store page.
      const other = f.secondInstance();
      for (const instance of [dukaan, other]) {
        t.ok(await instance.auth.resolveSession(session.token));
        t.ok(await instance.auth.resolveApiToken(apiToken.token));
        t.ok(await instance.storefront.view(store.slug));
      }

      await t.rejects(dukaan.vendors.closeAccount(principal, { password: 'not my password' }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'password', message: 'The current password is not right' }],
      });
      await dukaan.vendors.closeAccount(principal, { password });

      const goodbye = await f.mailTo(vendor.email, /account is closed/i);
      t.match(goodbye.text, store.name, 'the goodbye went to the address while it was known');
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password }), { code: 'UNAUTHENTICATED' });
      for (const instance of [dukaan, other]) {
        t.equal(await instance.auth.resolveSession(session.token), null, 'the session is dead, also where it was cached');
        t.equal(await instance.auth.resolveApiToken(apiToken.token), null, 'the API token too');
        await t.rejects(instance.storefront.view(store.slug), { code: 'NOT_FOUND' }, 'the store page is gone at once');
      }
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }])), { code: 'NOT_FOUND' });
      await t.rejects(
        dukaan.vendors.signUp({ email: `taker-${vendor.email}`, password, storeName: 'Taker', slug: store.slug }),
        { code: 'CONFLICT', details: [{ path: 'slug' }] },
        'nobody can take over the store link',
      );

      const kept = await f.persistence.orders.findById(store.id, order.id);
      t.match(kept, {
        number: order.number,
        total: order.total,
        subtotal: order.subtotal,
        items: order.items,
        customer: { name: '', phone: '', email: null, address: '', pincode: '' },
        idempotencyKey: null,
      }, 'the order keeps what tax needs and nothing personal');
      t.ok(kept?.customerErasedAt);
      const rows = await f.knex('vendors').where({ id: vendor.id });
      t.match(rows, [{ email: `deleted-${vendor.id}@invalid`, password_hash: '' }]);
      t.match(await f.persistence.stores.findById(store.id), { isOpen: false, phone: null, logoUrl: null, description: '', pickupAddress: '' });
      for (const table of ['sessions', 'api_tokens', 'account_tokens']) {
        t.same(await f.knex(table).where({ vendor_id: vendor.id }), [], `no ${table} left`);
      }
      for (const file of files) t.notOk(existsSync(file), `${file} deleted`);
      t.ok(await dukaan.vendors.signUp({ email: vendor.email, password, storeName: 'Fresh start' }), 'the email is free for a new account');
    });

    t.test('eraseCustomer erases one customer from the store orders, by phone or email', async (t) => {
      const { vendor, store } = await f.signUp('erase');
      const principal = { vendorId: vendor.id, storeId: store.id, via: 'session' as const, credentialId: 'x' };
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Samosa', price: 1500 });
      const lines = [{ productId: product.id, quantity: 1 }];
      const asha = await dukaan.orders.place(store.slug, { ...orderFor(lines), customer: { ...customer, email: 'asha@example.com' } });
      const again = await dukaan.orders.place(store.slug, orderFor(lines));
      const ravi = await dukaan.orders.place(store.slug, { ...orderFor(lines), customer: { ...customer, name: 'Ravi', phone: '9123456780' } });
      t.same(await dukaan.orders.eraseCustomer(principal, { phone: '+91 98765 43210' }), { ordersErased: 2 }, 'the phone is read like at checkout');
      t.same(await dukaan.orders.eraseCustomer(store.id, { email: 'ASHA@example.com' }), { ordersErased: 0 }, 'already erased');
      for (const placed of [asha, again]) {
        t.match(await dukaan.orders.get(store.id, placed.order.id), { customer: { name: '', phone: '' }, total: placed.order.total, number: placed.order.number });
      }
      t.match(await dukaan.orders.get(store.id, ravi.order.id), { customer: { name: 'Ravi' } }, 'another customer stays');
      await t.rejects(dukaan.orders.eraseCustomer(principal, {}), { code: 'VALIDATION_FAILED', details: [{ path: 'phone' }, { path: 'email' }] });
      t.same(await dukaan.orders.eraseCustomer(principal, { phone: '', email: 'nobody@example.com' }), { ordersErased: 0 }, 'a blank field is not given');
      await t.rejects(dukaan.orders.eraseCustomer(principal, { phone: '9876543210', email: 'a@example.com' }), { code: 'VALIDATION_FAILED' });
      await t.rejects(dukaan.orders.eraseCustomer(principal, { phone: '12' }), { code: 'VALIDATION_FAILED', details: [{ path: 'phone' }] });
    });
  });
}
