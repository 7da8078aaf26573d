import t from 'tap';
import { ValidationFailedError } from '../src/errors.js';
import { decodeSearchCursor, encodeSearchCursor, matchProducts, queryWords, searchProducts, storeOrder } from '../src/storefront/search-products.js';
import type { PublicProduct, PublicVariant, StoreView } from '../src/storefront/store-view.js';
import { defaultCheckoutSettings } from '../src/stores/checkout-settings.js';

const { serviceArea: _area, ...checkoutDefaults } = defaultCheckoutSettings;

function variant(over: Partial<PublicVariant> = {}): PublicVariant {
  return { id: 'v', options: {}, price: 100, compareAtPrice: null, sku: null, stock: null, inStock: true, image: null, ...over };
}

function product(i: number, over: Partial<PublicProduct> = {}): PublicProduct {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    id,
    slug: `product-${i}`,
    name: `Product ${i}`,
    description: '',
    price: 100,
    compareAtPrice: null,
    priceVaries: false,
    taxRate: null,
    currency: 'INR',
    categoryId: null,
    images: [],
    pictures: [],
    options: [],
    variants: [variant({ id })],
    stock: null,
    inStock: true,
    ...over,
  };
}

function viewOf(products: PublicProduct[]): StoreView {
  const store = {
    id: 's1',
    name: 'Shop',
    slug: 'shop',
    description: '',
    phone: null,
    pickupAddress: '',
    logoUrl: null,
    currency: 'INR',
    deliveryFee: 0,
    freeDeliveryAbove: null,
    minOrderValue: 0,
    isOpen: true,
    paymentMethods: ['cod' as const],
    locale: 'en' as const,
    ...checkoutDefaults,
  };
  return { store, categories: [{ id: 'c1', name: 'Sweets', position: 0 }], products };
}

const names = (list: PublicProduct[]) => list.map((p) => p.name);

t.test('sold-out products go last, keeping the display order within each part', async (t) => {
  const view = viewOf([product(1, { inStock: false }), product(2), product(3, { inStock: false }), product(4)]);
  t.same(names(storeOrder(view)), ['Product 2', 'Product 4', 'Product 1', 'Product 3']);
  t.equal(storeOrder(view), storeOrder(view), 'computed once per view');
});

t.test('search matches name, description and variant SKU; every word, any case, any accents', async (t) => {
  const view = viewOf([
    product(1, { name: 'Kaju Katli', description: 'Cashew fudge with silver leaf' }),
    product(2, { name: 'Crème Brûlée', description: 'Caramel top' }),
    product(3, { name: 'Soan Papdi', variants: [variant({ id: 'a', sku: 'SP-250' }), variant({ id: 'b', sku: 'SP-500' })] }),
    product(4, { name: 'Kaju Barfi', categoryId: 'c1' }),
  ]);
  t.same(names(matchProducts(view, { q: 'kaju' })), ['Kaju Katli', 'Kaju Barfi']);
  t.same(names(matchProducts(view, { q: 'KAJU   katli' })), ['Kaju Katli'], 'all words must match');
  t.same(names(matchProducts(view, { q: 'cashew' })), ['Kaju Katli'], 'description');
  t.same(names(matchProducts(view, { q: 'creme brulee' })), ['Crème Brûlée'], 'accents ignored');
  t.same(names(matchProducts(view, { q: 'sp-500' })), ['Soan Papdi'], 'a variant SKU');
  t.same(names(matchProducts(view, { q: 'kaju', categoryId: 'c1' })), ['Kaju Barfi'], 'category and words');
  t.same(names(matchProducts(view, { categoryId: 'nope' })), [], 'unknown category: nothing');
  t.same(names(matchProducts(view, { q: '   ' })), names(storeOrder(view)), 'blank query: everything');
  t.same(names(matchProducts(view, { q: 'kaju\0katli' })), ['Kaju Katli'], 'a NUL byte is a space');
});

t.test('queryWords: bounded and de-duplicated', async (t) => {
  t.same(queryWords('a a b'), ['a', 'b']);
  t.equal(queryWords('x '.repeat(500)).length, 1);
  t.equal(queryWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).length, 8);
  t.same(queryWords(undefined), []);
});

t.test('pages: opaque cursor, sold-out last across pages, the total, the limit bounded', async (t) => {
  const products = Array.from({ length: 120 }, (_, i) => product(i + 1, { inStock: i % 10 !== 0 }));
  const view = viewOf(products);
  const first = searchProducts(view);
  t.equal(first.items.length, 48);
  t.equal(first.total, 120);
  t.type(first.nextCursor, 'string');
  t.notMatch(first.nextCursor!, /48/, 'the cursor does not show the offset');
  const seen = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = searchProducts(view, { cursor });
    seen.push(...page.items);
    cursor = page.nextCursor;
  }
  t.equal(seen.length, 120, 'every product once');
  t.equal(new Set(seen.map((p) => p.id)).size, 120);
  t.same(
    seen.map((p) => p.inStock),
    [...Array(108).fill(true), ...Array(12).fill(false)],
    'the sold-out ones last',
  );
  t.equal(searchProducts(view, { limit: 1000 }).items.length, 100, 'at most 100');
  t.equal(searchProducts(view, { limit: 0 }).items.length, 1, 'at least 1');
  const last = searchProducts(view, { cursor: encodeSearchCursor(119) });
  t.equal(last.items.length, 1);
  t.equal(last.nextCursor, null);
  t.same(searchProducts(view, { cursor: encodeSearchCursor(500) }).items, [], 'past the end: empty');
});

t.test('a forged cursor is a validation error naming the cursor', async (t) => {
  for (const bad of ['', 'abc', Buffer.from('o-1').toString('base64url'), Buffer.from('o99999999').toString('base64url'), 'x'.repeat(10_000), '\0']) {
    t.throws(() => decodeSearchCursor(bad), ValidationFailedError, JSON.stringify(bad.slice(0, 20)));
  }
  try {
    searchProducts(viewOf([]), { cursor: 'nope' });
    t.fail('expected a refusal');
  } catch (error) {
    t.ok(error instanceof ValidationFailedError);
    t.same((error as ValidationFailedError).details.map((d) => d.path), ['cursor']);
  }
});

t.test('5,000 products: a search over the cached view stays fast', async (t) => {
  const view = viewOf(Array.from({ length: 5000 }, (_, i) => product(i + 1, { description: `A sweet number ${i} with ghee and sugar` })));
  searchProducts(view, { q: 'ghee' });
  const started = performance.now();
  for (let i = 0; i < 20; i++) searchProducts(view, { q: `number ${i}` });
  const each = (performance.now() - started) / 20;
  t.comment(`one search over 5,000 products: ${each.toFixed(2)} ms`);
  t.ok(each < 50, 'well under a request budget');
});
