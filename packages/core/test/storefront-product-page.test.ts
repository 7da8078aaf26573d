import t from 'tap';
import { NotFoundError } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, queries } = fixture;

    t.test('current slug from the cached view; earlier slugs and the id lead to the current one; hidden and junk are not found', async (t) => {
      const { store } = await openStore(dukaan);
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Kaju Katli', price: 25000 });
      t.equal(product.slug, 'kaju-katli');

      const first = await dukaan.storefront.product(store.slug, 'kaju-katli');
      t.equal(first.product.id, product.id);
      t.equal(first.movedTo, null);
      // The first reads make the store's versions and fill the cache (catalogue, then stock).
      await dukaan.storefront.product(store.slug, 'kaju-katli');
      queries.reset();
      await dukaan.storefront.product(store.slug, 'kaju-katli');
      t.equal(queries.count, 0, 'the current slug costs no query once the view is cached');

      t.equal((await dukaan.storefront.product(store.slug, product.id)).movedTo, 'kaju-katli', 'the id moves to the slug');
      t.equal((await dukaan.storefront.product(store.slug, 'KAJU-KATLI')).movedTo, 'kaju-katli', 'another case moves too');

      await dukaan.catalog.updateProduct(store.id, product.id, { name: 'Kaju Katli Special' });
      const old = await dukaan.storefront.product(store.slug, 'kaju-katli');
      t.equal(old.product.id, product.id);
      t.equal(old.movedTo, 'kaju-katli-special', 'the earlier slug leads to the current one');
      t.equal((await dukaan.storefront.product(store.slug, 'kaju-katli-special')).movedTo, null);

      // Made-up slugs: one primary-key lookup each, never cached (a flood of them must not push the
      // store pages out of the bounded local cache).
      await t.rejects(dukaan.storefront.product(store.slug, 'no-such-sweet'), NotFoundError);
      queries.reset();
      for (let i = 0; i < 5; i++) await t.rejects(dukaan.storefront.product(store.slug, `no-such-sweet-${i}`), NotFoundError);
      t.equal(queries.count, 5, 'one lookup per unknown well-formed slug, nothing cached');
      for (const junk of ['', 'a\0b', 'x'.repeat(500), '../etc', 'UPPER CASE', '00000000-0000-4000-8000-000000000000']) {
        queries.reset();
        await t.rejects(dukaan.storefront.product(store.slug, junk), NotFoundError, JSON.stringify(junk.slice(0, 20)));
        t.equal(queries.count, 0, 'refused before the database');
      }

      await dukaan.catalog.updateProduct(store.id, product.id, { active: false });
      for (const ref of ['kaju-katli-special', 'kaju-katli', product.id]) {
        await t.rejects(dukaan.storefront.product(store.slug, ref), NotFoundError, `hidden: ${ref}`);
      }
    });

    t.test('another store’s product is not found under this store', async (t) => {
      const a = await openStore(dukaan);
      const b = await openStore(dukaan);
      const theirs = await dukaan.catalog.createProduct(b.store.id, { name: 'Rasgulla', price: 10000 });
      await t.rejects(dukaan.storefront.product(a.store.slug, 'rasgulla'), NotFoundError);
      await t.rejects(dukaan.storefront.product(a.store.slug, theirs.id), NotFoundError);
    });
  });
}
