import type { Test } from 'tap';
import type { Product } from '../../catalog/product.js';
import type { ProductListQuery } from '../../catalog/product-repository.js';
import type { Persistence } from '../../persistence.js';
import { decodeCursor } from '../../shared/page.js';
import { categoryRecord, open, seedProducts, seedStore } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** Follows cursors to the end; every page's items, in order. */
async function listAll(p: Persistence, storeId: string, query: ProductListQuery): Promise<Product[][]> {
  const pages: Product[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await p.products.list(storeId, { ...query, after });
    pages.push(page.items);
    if (page.nextCursor === null) return pages;
    after = decodeCursor(page.nextCursor) ?? undefined;
    if (after === undefined || pages.length > 100) throw new Error('bad cursor');
  }
}

const ids = (products: Product[]): string[] => products.map((product) => product.id);

/** ProductRepository.list and listActive: keyset pages, filters, search. */
export function productListTests(t: Test, factory: PersistenceFactory): void {
  t.test('products: cursor pages visit every product once, newest first', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const products = await seedProducts(p, store.id, 7);
    const newestFirst = ids(products).reverse();
    const pages = await listAll(p, store.id, { limit: 3 });
    t.same(pages.map((page) => page.length), [3, 3, 1]);
    t.same(ids(pages.flat()), newestFirst);
    t.same(ids((await listAll(p, store.id, { limit: 7 })).flat()), newestFirst, 'an exact last page has no cursor');
    const [only] = await listAll(p, store.id, { limit: 100 });
    t.same(only, [...products].reverse(), 'whole products');
  });

  t.test('products: list filters by category and active', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const category = categoryRecord(store.id);
    await p.categories.insert(category);
    const products = await seedProducts(p, store.id, 6, (i) => ({
      categoryId: i % 2 === 0 ? category.id : null,
      active: i < 3,
    }));
    const pick = (keep: (i: number) => boolean) => ids(products.filter((_, i) => keep(i))).reverse();
    t.same(ids((await listAll(p, store.id, { limit: 2, categoryId: category.id })).flat()), pick((i) => i % 2 === 0));
    t.same(ids((await listAll(p, store.id, { limit: 2, active: true })).flat()), pick((i) => i < 3));
    t.same(ids((await listAll(p, store.id, { limit: 2, active: false })).flat()), pick((i) => i >= 3));
    t.same(ids((await listAll(p, store.id, { limit: 2, active: true, categoryId: category.id })).flat()), pick((i) => i === 0 || i === 2));
  });

  t.test('products: q is a case-insensitive substring of name or SKU', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const names = ['Masala CHAI', 'Green Tea', '100% Cotton Bag', '1000 Cotton Threads', 'Cup_Small', 'CupXSmall'];
    const skus = [null, 'chai-green', null, null, null, null];
    const products = await seedProducts(p, store.id, names.length, (i) => ({ name: names[i], sku: skus[i] }));
    const search = async (q: string) => ids((await listAll(p, store.id, { limit: 2, q })).flat());
    const expect = (...indexes: number[]) => indexes.map((i) => products[i]!.id).reverse();
    t.same(await search('chai'), expect(0, 1), 'name and SKU, any case');
    t.same(await search('GREEN'), expect(1));
    t.same(await search('0%'), expect(2), '% is literal');
    t.same(await search('p_s'), expect(4), '_ is literal');
    t.same(await search('nothing like it'), []);
  });

  t.test('products: listActive by position, then creation, hidden left out', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const positions = [2, 1, 1, 0];
    const products = await seedProducts(p, store.id, 5, (i) => ({ position: positions[i] ?? 0, active: i < 4 }));
    const [a, b, c, d] = products;
    t.same(await p.products.listActive(store.id), [d, b, c, a]);
  });
}
