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
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Masala Chai', price: 4900, description: 'Call Priya on 98450 12345' });
      const { product: withImage } = await dukaan.catalog.addProductImage(store.id, product.id, tinyPng);
      const { logoUrl } = await dukaan.stores.saveLogo(store.id, tinyPng);
      const { order } = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: product.id, quantity: 2 }]), customer: { ...customer, email: 'asha@example.com' } }, { idempotencyKey: 'close-1' });
      await dukaan.vendors.requestPasswordReset({ email: vendor.email });
      await f.mailTo(vendor.email, /reset your password/i);

      // Every stored size and format of the photo, and the logo.
      const imageKeys = withImage.images.flatMap((image) => image.fileKeys);
      t.equal(imageKeys.length, 2, 'a 1×1 photo: one width, WebP and JPEG');
      const files = [...imageKeys.map((key) => join(f.mediaDir, key)), join(f.mediaDir, (logoUrl ?? '').replace(/^\/media\//, ''))];
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
      t.match(await f.persistence.products.findById(store.id, product.id), { name: 'Masala Chai', price: 4900, description: '', images: [] }, 'the catalogue keeps names and prices, not descriptions or images');
      await t.rejects(dukaan.stores.update(store.id, { phone: '9876543210' }), { code: 'NOT_FOUND' }, 'a closed store is not written (a cached credential cannot put data back)');
      await t.rejects(dukaan.stores.update(store.id, { slug: `reopened-${store.slug}` }), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.stores.saveLogo(store.id, tinyPng), { code: 'NOT_FOUND' });
      t.ok(await dukaan.vendors.signUp({ email: vendor.email, password, storeName: 'Fresh start' }), 'the email is free for a new account');
    });

    t.test('two closes at once: one closes, the other fails cleanly, one goodbye mail', async (t) => {
      const { vendor, store } = await f.signUp('double-close');
      const principal = { vendorId: vendor.id, storeId: store.id, via: 'session' as const, credentialId: 'double' };
      const results = await Promise.allSettled([dukaan.vendors.closeAccount(principal, { password }), dukaan.vendors.closeAccount(principal, { password })]);
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      t.match(failed?.reason, { code: /^(NOT_FOUND|UNAUTHENTICATED)$/ }, 'a clean 4xx');
      await f.mailTo(vendor.email, /account is closed/i);
      t.equal((await f.allMailTo(vendor.email)).filter((m) => /account is closed/i.test(m.subject)).length, 1, 'one goodbye');
    });

    t.test('eraseCustomer erases one customer from finished orders, by phone or email, and counts the open ones', async (t) => {
      const { vendor, store } = await f.signUp('erase');
      const principal = { vendorId: vendor.id, storeId: store.id, via: 'session' as const, credentialId: 'x' };
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Samosa', price: 1500 });
      const lines = [{ productId: product.id, quantity: 1 }];
      const place = async (who: Partial<typeof customer> & { email?: string }, status: 'rejected' | 'cancelled' | null) => {
        const { order } = await dukaan.orders.place(store.slug, { ...orderFor(lines), customer: { ...customer, ...who } });
        if (status) await dukaan.orders.changeStatus(store.id, order.id, { status });
        return order;
      };
      const asha = await place({ email: 'asha@example.com' }, 'cancelled');
      const again = await place({}, 'rejected');
      const open = await place({}, null);
      const ravi = await place({ name: 'Ravi', phone: '9123456780' }, 'cancelled');
      t.same(await dukaan.orders.eraseCustomer(principal, { phone: '+91 98765 43210' }), { ordersErased: 2, ordersOpen: 1 }, 'the phone is read like at checkout; the open order is kept');
      for (const placed of [asha, again]) {
        t.match(await dukaan.orders.get(store.id, placed.id), { customer: { name: '', phone: '' }, total: placed.total, number: placed.number });
      }
      t.match(await dukaan.orders.get(store.id, open.id), { customer: { name: customer.name, address: customer.address } }, 'the open order can still be delivered');
      t.match(await dukaan.orders.get(store.id, ravi.id), { customer: { name: 'Ravi' } }, 'another customer stays');

      const byEmail = await place({ phone: '9000000001', email: 'asha@example.com' }, 'cancelled');
      t.same(await dukaan.orders.eraseCustomer(store.id, { email: 'ASHA@example.com' }), { ordersErased: 1, ordersOpen: 0 }, 'an email matches whatever its case');
      t.match(await dukaan.orders.get(store.id, byEmail.id), { customer: { name: '', email: null } });

      await dukaan.orders.changeStatus(store.id, open.id, { status: 'cancelled' });
      t.same(await dukaan.orders.eraseCustomer(principal, { phone: '9876543210' }), { ordersErased: 1, ordersOpen: 0 }, 'erased once it is finished');

      await t.rejects(dukaan.orders.eraseCustomer(principal, {}), { code: 'VALIDATION_FAILED', details: [{ path: 'phone' }, { path: 'email' }] });
      t.same(await dukaan.orders.eraseCustomer(principal, { phone: '', email: 'nobody@example.com' }), { ordersErased: 0, ordersOpen: 0 }, 'a blank field is not given');
      await t.rejects(dukaan.orders.eraseCustomer(principal, { phone: '9876543210', email: 'a@example.com' }), { code: 'VALIDATION_FAILED' });
      await t.rejects(dukaan.orders.eraseCustomer(principal, { phone: '12' }), { code: 'VALIDATION_FAILED', details: [{ path: 'phone' }] });
    });
  });
}
