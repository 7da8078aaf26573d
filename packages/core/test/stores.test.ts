// Store settings: the currency freezes once prices exist, logos are checked uploads or safe URLs.
import t from 'tap';
import { createDukaan, type Persistence, type Repositories } from '../src/index.js';
import { coreVariants, fastHasher } from './support/core-variants.js';
import { tinyPng as png } from './support/images.js';
import { openStore, orderFor } from './support/orders.js';

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

    t.test('a currency change must restate the store\'s non-zero amounts', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.stores.update(store.id, { deliveryFee: 4000, freeDeliveryAbove: 50000, minOrderValue: 0 });
      await t.rejects(dukaan.stores.update(store.id, { currency: 'JPY' }), {
        code: 'CONFLICT',
        details: [{ path: 'currency', message: /deliveryFee, freeDeliveryAbove/ }, { path: 'deliveryFee' }, { path: 'freeDeliveryAbove' }],
      });
      await t.rejects(dukaan.stores.update(store.id, { currency: 'JPY', deliveryFee: 400 }), { code: 'CONFLICT', details: [{ path: 'currency' }, { path: 'freeDeliveryAbove' }] }, 'every one of them');
      t.equal((await dukaan.stores.get(store.id)).currency, 'INR', 'nothing changed');
      const changed = await dukaan.stores.update(store.id, { currency: 'JPY', deliveryFee: 400, freeDeliveryAbove: null });
      t.match(changed, { currency: 'JPY', deliveryFee: 400, freeDeliveryAbove: null, minOrderValue: 0 }, 'restated in the new currency');
      await dukaan.stores.update(store.id, { deliveryFee: 0 });
      t.equal((await dukaan.stores.update(store.id, { currency: 'EUR' })).currency, 'EUR', 'all amounts zero: nothing to restate');
    });

    t.test('a product created while the currency changes cannot slip past the check', async (t) => {
      const { store } = await openStore(dukaan);
      const steps: string[] = [];
      let checking: () => void = () => {};
      const checkStarted = new Promise<void>((resolve) => (checking = resolve));
      // Every products.list (the check) pauses, so a product can be created in the middle of it.
      const slowList = <R extends object>(repos: R): R =>
        new Proxy(repos, {
          get(target, prop) {
            if (prop === 'products') {
              const products = Reflect.get(target, prop) as Persistence['products'];
              return new Proxy(products, {
                get(inner, name) {
                  const value = Reflect.get(inner, name) as unknown;
                  if (name !== 'list' || typeof value !== 'function') return typeof value === 'function' ? value.bind(inner) : value;
                  return async (...args: unknown[]) => {
                    checking();
                    await new Promise((resolve) => setTimeout(resolve, 200));
                    return (value as (...a: unknown[]) => unknown).apply(inner, args);
                  };
                },
              });
            }
            const value = Reflect.get(target, prop) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      const persistence = slowList({
        ...fixture.persistence,
        transaction: <T>(work: (tx: Repositories) => Promise<T>) => fixture.persistence.transaction((tx) => work(slowList(tx))),
      } as Persistence);
      const racing = createDukaan({ outbox: { enabled: false }, persistence, cache: fixture.makeCache(), hasher: fastHasher, sessionSweepIntervalMs: 0 });
      t.teardown(() => racing.close());
      const update = racing.stores.update(store.id, { currency: 'USD' }).then(
        () => steps.push('currency changed'),
        () => steps.push('currency refused'),
      );
      await checkStarted;
      const create = racing.catalog.createProduct(store.id, { name: 'Priced in INR', price: 5000 }).then(() => steps.push('product created'));
      await Promise.all([update, create]);
      t.same(steps, ['currency changed', 'product created'], 'the product waited for the currency change to commit');
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
