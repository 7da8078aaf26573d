// Store settings: the currency freezes once prices exist, logos are checked uploads or safe URLs.
import t from 'tap';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('the currency may change until the store has products or orders, then 409 names it', async (t) => {
      const { store } = await openStore(dukaan);
      t.equal((await dukaan.stores.update(store.id, { currency: 'USD' })).currency, 'USD', 'an empty store may switch');
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Widget', price: 5000 });
      await t.rejects(dukaan.stores.update(store.id, { currency: 'JPY', name: 'Renamed' }), {
        code: 'CONFLICT',
        details: [{ path: 'currency', message: /Currency cannot change/ }],
      });
      const after = await dukaan.stores.get(store.id);
      t.equal(after.currency, 'USD', 'nothing changed');
      t.not(after.name, 'Renamed', 'not even the other fields');
      t.equal((await dukaan.stores.update(store.id, { currency: 'usd', name: 'Same currency' })).name, 'Same currency', 'the same code is no change');
      await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
      await dukaan.catalog.deleteProduct(store.id, p.id);
      await t.rejects(dukaan.stores.update(store.id, { currency: 'EUR' }), { code: 'CONFLICT' }, 'orders alone keep it frozen');
    });

    t.test('logoUrl takes http(s) and site paths only', async (t) => {
      const { store } = await openStore(dukaan);
      for (const url of ['https://cdn.example.com/logo.png', 'http://example.com/l.jpg', '/media/logo.png']) {
        t.equal((await dukaan.stores.update(store.id, { logoUrl: url })).logoUrl, url);
      }
      for (const url of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', '//evil.example/x.png', '/\\evil.example/x.png', 'ftp://example.com/x.png', 'JaVaScRiPt:alert(1)', 'logo.png', 'https:///x']) {
        await t.rejects(dukaan.stores.update(store.id, { logoUrl: url }), { code: 'VALIDATION_FAILED', details: [{ path: 'logoUrl' }] }, url);
      }
    });

    t.test('saveLogo stores a checked image and sets it as the logo', async (t) => {
      const { store } = await openStore(dukaan);
      const updated = await dukaan.stores.saveLogo(store.id, png);
      t.match(updated.logoUrl, new RegExp(`^/media/${store.id}/logo-[\\w-]+\\.png$`));
      t.equal((await dukaan.storefront.view(store.slug)).view.store.logoUrl, updated.logoUrl, 'the store page shows it');
      await t.rejects(dukaan.stores.saveLogo(store.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100)])), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'logo' }],
      });
    });
  });
}
