import t from 'tap';
import { coreVariants } from './support/core-variants.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const tag = `${process.pid}${variant.name.length}`;

    t.test('sign up, then log in with any case of the email', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({
        email: `  Priya.${tag}@Example.COM `,
        password: 'correct horse battery',
        storeName: "Priya's Kitchen",
        phone: '098765 43210',
      });
      t.equal(vendor.email, `priya.${tag}@example.com`);
      t.equal(store.slug, 'priyas-kitchen', 'slug derived from the store name');
      t.equal(store.phone, '+919876543210');
      t.equal(store.currency, 'INR');
      t.notOk('passwordHash' in vendor, 'the hash never leaves the core');
      const record = await fixture.persistence.vendors.findById(vendor.id);
      t.match(record?.passwordHash, /^scrypt\$/, 'stored hashed with scrypt');
      t.notMatch(record?.passwordHash, /correct horse/);
      const login = await dukaan.vendors.logIn({ email: `PRIYA.${tag}@example.com`, password: 'correct horse battery' });
      t.equal(login.vendor.id, vendor.id);
      t.equal(login.store.id, store.id);
      await t.rejects(dukaan.vendors.logIn({ email: `priya.${tag}@example.com`, password: 'wrong password' }), { code: 'UNAUTHENTICATED' });
      await t.rejects(dukaan.vendors.logIn({ email: `nobody.${tag}@example.com`, password: 'whatever123' }), {
        code: 'UNAUTHENTICATED',
        message: 'The email or password is not right',
      });
    });

    t.test('emails and slugs are unique; a derived slug finds a free variant', async (t) => {
      await dukaan.vendors.signUp({ email: `dup.${tag}@example.com`, password: 'long enough', storeName: 'Dup Shop', slug: `dup-${tag}` });
      await t.rejects(
        dukaan.vendors.signUp({ email: `DUP.${tag}@example.com`, password: 'long enough', storeName: 'Other' }),
        { code: 'CONFLICT', details: [{ path: 'email' }] },
      );
      await t.rejects(
        dukaan.vendors.signUp({ email: `other.${tag}@example.com`, password: 'long enough', storeName: 'Other', slug: `dup-${tag}` }),
        { code: 'CONFLICT', details: [{ path: 'slug' }] },
      );
      const again = await dukaan.vendors.signUp({ email: `again.${tag}@example.com`, password: 'long enough', storeName: "Priya's Kitchen" });
      t.match(again.store.slug, /^priyas-kitchen-[0-9a-f]{4}$/);
      const odd = await dukaan.vendors.signUp({ email: `odd.${tag}@example.com`, password: 'long enough', storeName: '!!' });
      t.match(odd.store.slug, /^store-[0-9a-f]{6}$/, 'a name with nothing usable still gets a slug');
    });

    t.test('a changed slug keeps the old link resolving, reserved to this store', async (t) => {
      const { store } = await dukaan.vendors.signUp({ email: `move.${tag}@example.com`, password: 'long enough', storeName: 'Move', slug: `old-${tag}` });
      await dukaan.storefront.view(`old-${tag}`);
      const moved = await dukaan.stores.update(store.id, { slug: `new-${tag}`, name: 'Moved', deliveryFee: 2500 });
      t.equal(moved.slug, `new-${tag}`);
      t.equal(moved.name, 'Moved');
      t.equal(moved.deliveryFee, 2500);
      const viaOld = await dukaan.storefront.view(`old-${tag}`);
      t.equal(viaOld.currentSlug, `new-${tag}`, 'old slug resolves to the current one');
      t.equal(viaOld.view.store.name, 'Moved', 'and the cached view was invalidated');
      await t.rejects(
        dukaan.vendors.signUp({ email: `thief.${tag}@example.com`, password: 'long enough', storeName: 'T', slug: `old-${tag}` }),
        { code: 'CONFLICT' },
      );
      const back = await dukaan.stores.update(store.id, { slug: `old-${tag}` });
      t.equal(back.slug, `old-${tag}`, 'a store may take its own old slug back');
    });

    t.test('sessions resolve until revoked, also on a second instance', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({ email: `sess.${tag}@example.com`, password: 'long enough', storeName: 'Sess' });
      const { token, expiresAt } = await dukaan.auth.createSession(vendor.id, store.id);
      t.ok(expiresAt > new Date().toISOString());
      const principal = await dukaan.auth.resolveSession(token);
      t.match(principal, { vendorId: vendor.id, storeId: store.id, via: 'session' });
      const other = fixture.secondInstance();
      t.match(await other.auth.resolveSession(token), { vendorId: vendor.id });
      const rows = await fixture.knex('sessions').select('*');
      t.ok(rows.every((row: Record<string, unknown>) => !JSON.stringify(row).includes(token)), 'the token itself is not stored');
      await dukaan.auth.revokeSession(token);
      t.equal(await dukaan.auth.resolveSession(token), null);
      t.equal(await other.auth.resolveSession(token), null, 'revoked everywhere');
      t.equal(await dukaan.auth.resolveSession('made-up'), null);
    });

    t.test('API tokens are shown once, stored hashed, and revocable by their owner only', async (t) => {
      const a = await dukaan.vendors.signUp({ email: `tok.${tag}@example.com`, password: 'long enough', storeName: 'Tok' });
      const b = await dukaan.vendors.signUp({ email: `tok2.${tag}@example.com`, password: 'long enough', storeName: 'Tok2' });
      const created = await dukaan.auth.createApiToken({ vendorId: a.vendor.id, storeId: a.store.id }, { name: 'CI' });
      t.match(created.token, /^dk_[\w-]{40,}$/);
      t.match(await dukaan.auth.resolveApiToken(created.token), { vendorId: a.vendor.id, via: 'token', credentialId: created.id });
      await t.rejects(dukaan.auth.revokeApiToken(b.vendor.id, created.id), { code: 'NOT_FOUND' });
      await dukaan.auth.revokeApiToken(a.vendor.id, created.id);
      t.equal(await dukaan.auth.resolveApiToken(created.token), null);
    });
  });
}
