// A big catalogue is paged: the public store API answers 100 products a page for a store of more
// than 100 (a smaller store's answer is unchanged), and the store page 48 a page without
// JavaScript, its warm pages answered from the cached template; on both databases.
import t from 'tap';
import type { CacheStores } from '@dukaan-kit/core';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { client, json } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';
import { countViewReads } from './support/view-reads.js';

const cardNames = (html: string) => [...html.matchAll(/<h2 class="card-title"><a href="[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]);

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    const small = await signUp(server);
    const smallApi = client(server, small.headers);
    await smallApi.product({ name: 'Ladoo', price: 1000 });
    await smallApi.product({ name: 'Peda', price: 1200 });
    const big = await signUp(server);
    const bigApi = client(server, big.headers);
    for (let i = 0; i < 101; i++) await bigApi.product({ name: `Barfi ${String(i).padStart(3, '0')}`, price: 1000 + i });
    const bigSlug = big.store.slug;
    const smallSlug = small.store.slug;

    t.test('a store at or under a page answers as before: every product, no paging fields; no page 2', async (t) => {
      const whole = await server.inject(`/api/v1/stores/${small.store.slug}`);
      t.equal(whole.statusCode, 200);
      const body = json(whole);
      t.same(Object.keys(body).sort(), ['categories', 'products', 'store']);
      t.same(body.products.map((p: { name: string }) => p.name), ['Ladoo', 'Peda']);
      t.equal((await server.inject(`/api/v1/stores/${small.store.slug}?page=1`)).payload, whole.payload, '?page=1 is the same answer');
      const past = await server.inject(`/api/v1/stores/${small.store.slug}?page=2`);
      t.equal(past.statusCode, 404);
      t.equal(json(past).code, 'NOT_FOUND');
    });

    t.test('a store of 101 products answers 100 a page with where the next page is', async (t) => {
      const first = await server.inject(`/api/v1/stores/${bigSlug}`);
      t.equal(first.statusCode, 200);
      const page1 = json(first);
      t.equal(page1.products.length, 100);
      t.equal(page1.products[0].name, 'Barfi 000');
      t.same(page1.productsPage, { page: 1, pageSize: 100, total: 101, next: `/api/v1/stores/${bigSlug}?page=2` });
      t.equal(page1.store.slug, bigSlug, 'the store and categories as ever');
      t.ok(Array.isArray(page1.categories));
      const again = await server.inject(`/api/v1/stores/${bigSlug}`);
      t.equal(again.payload, first.payload, 'a warm page: the same answer');
      const page2 = json(await server.inject(page1.productsPage.next));
      t.same(page2.products.map((p: { name: string }) => p.name), ['Barfi 100']);
      t.same(page2.productsPage, { page: 2, pageSize: 100, total: 101, next: null });
      t.equal((await server.inject(`/api/v1/stores/${bigSlug}?page=3`)).statusCode, 404, 'past the last page');
      for (const bad of ['0', '-1', 'x', '1.5', '100000']) {
        const response = await server.inject(`/api/v1/stores/${bigSlug}?page=${bad}`);
        t.equal(response.statusCode, 400, `page=${bad}`);
        t.equal(json(response).code, 'VALIDATION_FAILED');
      }
    });

    t.test('a change shows on the cached first page at once', async (t) => {
      await server.inject(`/api/v1/stores/${bigSlug}`);
      await bigApi.product({ name: 'Barfi 101', price: 2000 });
      const page1 = json(await server.inject(`/api/v1/stores/${bigSlug}`));
      t.equal(page1.productsPage.total, 102);
      const page2 = json(await server.inject(`/api/v1/stores/${bigSlug}?page=2`));
      t.same(page2.products.map((p: { name: string }) => p.name), ['Barfi 100', 'Barfi 101']);
    });

    t.test("another instance answers a big store's cached API page without reading its view", async (t) => {
      const first = await server.inject(`/api/v1/stores/${bigSlug}?page=2`);
      t.equal(first.statusCode, 200);
      const other = await fixture.sibling();
      const views = countViewReads(t, other.dukaan);
      const again = await other.server.inject(`/api/v1/stores/${bigSlug}?page=2`);
      t.equal(again.statusCode, 200);
      t.equal(again.payload, first.payload, 'the same answer');
      t.equal(views.count, 0, 'from the shared cache, no view read');
      const small = await other.server.inject(`/api/v1/stores/${smallSlug}`);
      t.equal(small.statusCode, 200, 'a small store (no cached page: its answer is its view) still answers');
      t.ok(views.count > 0, 'from its view');
      t.equal((await other.server.inject('/api/v1/stores/no-such-store-here')).statusCode, 404);
    });

    t.test('the store page without JavaScript: 48 a page, a plain link to the next, the last without one', async (t) => {
      const first = await server.inject(`/${bigSlug}`);
      t.equal(first.statusCode, 200);
      t.equal(cardNames(first.payload).length, 48);
      t.match(first.payload, new RegExp(`<a class="btn btn-secondary load-more" href="/${bigSlug}\\?page=2">Load more</a>`));
      const third = await server.inject(`/${bigSlug}?page=3`);
      t.same(cardNames(third.payload), ['Barfi 096', 'Barfi 097', 'Barfi 098', 'Barfi 099', 'Barfi 100', 'Barfi 101']);
      t.notMatch(third.payload, /load-more/, 'no next page');
      const warm = await server.inject(`/${bigSlug}?page=3`);
      t.same(cardNames(warm.payload), cardNames(third.payload), 'the warm page is the same');
      t.equal((await server.inject(`/${bigSlug}?page=4`)).statusCode, 404);
    });
  });
}

t.test("a small store's warm answer asks the shared cache nothing: its view is in process", async (t) => {
  const inner = keyvCache();
  let sharedReads = 0;
  const cache: CacheStores = { ...inner, cache: { ...inner.cache, get: (key) => (sharedReads++, inner.cache.get(key)) } };
  const fixture = await serverVariants()[0]!.open({ cache });
  t.teardown(() => fixture.close());
  const { server } = fixture;
  const vendor = await signUp(server);
  await client(server, vendor.headers).product({ name: 'Jalebi', price: 900 });
  const url = `/api/v1/stores/${vendor.store.slug}`;
  const first = await server.inject(url);
  t.equal(first.statusCode, 200);
  t.equal((await server.inject(url)).payload, first.payload);
  sharedReads = 0;
  for (let i = 0; i < 5; i++) t.equal((await server.inject(url)).payload, first.payload, 'the same answer');
  t.equal(sharedReads, 0, 'five warm answers, no shared-cache read (a big store\'s page is looked for there only without the view in process)');
});
