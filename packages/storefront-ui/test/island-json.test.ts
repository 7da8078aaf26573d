import t from 'tap';
import { islandJson, renderPage } from '../src/index.js';
import { islandScript } from './fixtures/html.js';
import { ctx, store, storeProduct } from './fixtures/pages.js';

t.test('islandJson escapes what could end or confuse the script element', async (t) => {
  const value = { name: '</script><script>alert(1)</script>', amp: 'a & b', sep: 'x\u2028y\u2029z', gt: '>' };
  const json = islandJson(value);
  t.notMatch(json, /[<>&\u2028\u2029]/);
  t.match(json, '\\u003c/script\\u003e\\u003cscript\\u003e');
  t.match(json, 'a \\u0026 b');
  t.match(json, 'x\\u2028y\\u2029z');
  t.same(JSON.parse(json), value, 'still the same data');
});

t.test('a product named </script> cannot break out of the checkout island data', async (t) => {
  const evil = '</script><script>alert(1)</script><!--';
  const html = renderPage({
    page: 'checkout',
    props: {
      ctx: ctx(),
      store,
      lines: [{ productId: 'p1', variantId: 'p1', options: {}, name: evil, price: 100, quantity: 1, image: null, maxQuantity: null }],
      products: [storeProduct(1, { id: 'p1', name: evil })],
      idempotencyKey: 'k',
      values: { note: evil },
    },
  });
  t.notMatch(html, '<script>alert(1)');
  t.notMatch(html, '<!--');
  const json = islandScript(html, 'checkout');
  t.ok(json);
  const props = JSON.parse(json!) as { lines: Array<{ name: string }>; catalog: Record<string, { name: string }>; values: { note: string } };
  t.equal(props.lines[0]!.name, evil);
  t.equal(props.catalog['p1']!.name, evil);
  t.equal(props.values.note, evil);
});
