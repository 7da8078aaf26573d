// The customer pages of issue 12: variants on cards and product pages, search and paging on the
// store page, the variant on cart, checkout and order lines.
import t from 'tap';
import { renderPage } from '../src/index.js';
import { islandScript } from './fixtures/html.js';
import { categories, ctx, order, store, storeProducts, untaxed } from './fixtures/pages.js';
import { sweetBox } from './fixtures/variants.js';

const canonicalUrl = 'https://shop.example.com/chai-corner';

t.test('a card of a product with options: "from" the lowest price, pictures with srcset, and "Choose options" instead of a form', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: [sweetBox()], canonicalUrl } });
  t.match(html, '<p class="price"><span class="price-from">from </span><span class="price-now">₹250</span></p>');
  t.match(html, '<a class="btn btn-secondary btn-add" href="/chai-corner/p/kaju-katli">Choose options<span class="sr-only">: Kaju Katli</span></a>');
  t.notMatch(html, 'data-cart-add', 'no add form: the customer must choose');
  t.match(html, /<picture><source type="image\/webp" srcset="[^"]*katli-200\.webp 200w[^"]*" sizes="[^"]+"\/>(<source type="image\/jpeg"[^>]*>)?<img src="https:\/\/cdn\.example\.com\/media\/katli-960\.jpg" srcset="[^"]*katli-200\.jpg 200w/);
  t.match(html, /width="960" height="960"/, 'the real size: no layout shift');
  const same = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: [sweetBox({ priceVaries: false })], canonicalUrl } });
  t.notMatch(same, 'price-from', 'no "from" when every variant costs the same');
});

t.test('store page: search box keeps the words, result count, paging links, noindex for searches', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx({ basePath: '/shop' }), store, categories, products: storeProducts(48), q: 'chai  ', page: 1, total: 120, hasMore: true, canonicalUrl } });
  t.match(html, '<input id="store-search" type="search" name="q" value="chai"');
  t.match(html, '120 products for “chai”');
  t.match(html, '<meta name="robots" content="noindex"/>');
  t.match(html, '<div data-island-root="load-more"><a class="btn btn-secondary load-more" href="/shop/chai-corner?q=chai&amp;page=2">Load more</a></div>');
  t.equal(JSON.parse(islandScript(html, 'load-more') ?? '{}').href, '/shop/chai-corner?q=chai&page=2');
  t.notMatch(html, 'Back to the first page');

  const second = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: storeProducts(3), activeCategoryId: 'cat-1', page: 2, total: 51, hasMore: false, canonicalUrl } });
  t.match(second, '<title>Loose tea · page 2 · Chai Corner</title>');
  t.match(second, '<a class="pager-first" href="/chai-corner/c/cat-1">Back to the first page</a>');
  t.notMatch(second, 'load-more');
  t.notMatch(second, 'noindex', 'a category page is indexable');
  const imgs = second.match(/<img src="https:\/\/cdn\.example\.com\/media\/products[^>]*>/g) ?? [];
  t.ok(imgs.length > 0 && imgs.every((tag) => tag.includes('loading="lazy"')), 'below the first page every picture is lazy');

  const none = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: [], q: '<b>', canonicalUrl } });
  t.match(none, 'Nothing matches “&lt;b>”. <a href="/chai-corner">See everything</a>');
});

t.test('product page with options: radios in a GET form, the chosen variant priced and added, unavailable values marked', async (t) => {
  const product = sweetBox();
  const html = renderPage({ page: 'product', props: { ctx: ctx({ csrfToken: 'crumb-1' }), store, product, canonicalUrl: `${canonicalUrl}/p/kaju-katli`, choice: { picks: ['500 g', 'Plain'] } } });
  t.match(html, '<form method="get" action="/chai-corner/p/kaju-katli" class="variant-form">');
  t.match(html, '<legend>Weight<span class="option-chosen">: 500 g</span></legend>');
  t.match(html, /<label class="option-value is-available"><input type="radio" name="o1" value="500 g" checked\/><span>500 g<\/span>/);
  t.match(html, /<label class="option-value is-available"><input type="radio" name="o1" value="1 kg"/, '1 kg Plain exists');
  t.match(html, /<label class="option-value is-soldout"><input type="radio" name="o1" value="250 g"\/><span>250 g<span class="sr-only"> \(sold out\)<\/span>/);
  t.match(html, '<button type="submit" class="btn btn-secondary no-js-only">Show this choice</button>');
  t.match(html, '<span class="price-now">₹480</span> <s class="price-mrp"><span class="sr-only">MRP </span>₹520</s>');
  t.match(html, '<p class="stock-low" data-variant-stock>Only 3 left</p>');
  t.match(html, '<input type="hidden" name="variantId" value="v-500-plain"/>');
  t.match(html, 'data-options="{&quot;Weight&quot;:&quot;500 g&quot;,&quot;Flavour&quot;:&quot;Plain&quot;}"');
  t.match(html, '<span class="sr-only">: Kaju Katli (Weight: 500 g, Flavour: Plain)</span>');
  t.match(html, '<input type="hidden" name="crumb" value="crumb-1"/>', 'the add form carries the crumb');
  const props = JSON.parse(islandScript(html, 'variant-picker') ?? '{}');
  t.same(props.picks, ['500 g', 'Plain']);
  t.equal(props.action, '/chai-corner/p/kaju-katli');
  t.equal(props.product.variants.length, 5);

  const saffron = renderPage({ page: 'product', props: { ctx: ctx(), store, product, canonicalUrl, choice: { variantId: 'v-250-saffron' } } });
  t.match(saffron, /<div class="gallery-slide" id="photo-1" data-picture-index="1"><picture>.*?<img src="https:\/\/cdn\.example\.com\/media\/saffron-960\.jpg"/, "the variant's own picture first");
  t.match(saffron, '<meta property="og:image" content="https://cdn.example.com/media/saffron-960.jpg"/>');

  const missing = renderPage({ page: 'product', props: { ctx: ctx(), store, product, canonicalUrl, choice: { picks: ['1 kg', 'Saffron'] } } });
  t.match(missing, 'This combination is not available.');
  t.notMatch(missing, 'data-cart-add');
  t.match(missing, /value="Saffron" checked\/><span>Saffron<span class="sr-only"> \(not available\)/);

  const closed = renderPage({ page: 'product', props: { ctx: ctx(), store: { ...store, isOpen: false }, product, canonicalUrl } });
  t.notMatch(closed, 'data-cart-add', 'a closed store takes no orders');
});

t.test('checkout and order pages name the variant of each line', async (t) => {
  const product = sweetBox();
  const lines = [{ productId: product.id, variantId: 'v-500-plain', name: 'Kaju Katli', options: { Weight: '500 g', Flavour: 'Plain' }, price: 48000, quantity: 1, image: null, maxQuantity: 3 }];
  const html = renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines, products: [product], idempotencyKey: 'k' } });
  t.match(html, '<p class="line-name">Kaju Katli</p><p class="line-variant">Weight: 500 g, Flavour: Plain</p>');
  t.match(html, `<input type="hidden" name="item" value="${product.id}:v-500-plain:1"/>`);
  t.match(html, '<input id="qty-v-500-plain" type="number"');
  t.match(html, 'Quantity of Kaju Katli (Weight: 500 g, Flavour: Plain)');
  t.match(html, '<input type="hidden" name="variantId" value="v-500-plain"/><input type="hidden" name="action" value="remove"/>');
  const catalog = JSON.parse(islandScript(html, 'checkout') ?? '{}').catalog;
  t.same(Object.keys(catalog).sort(), ['v-1kg-plain', 'v-250-saffron', 'v-500-plain', 'v-500-saffron'], 'variants in stock, by id (250 g Plain is sold out)');
  t.same(catalog['v-250-saffron'], { productId: product.id, name: 'Kaju Katli', options: { Weight: '250 g', Flavour: 'Saffron' }, price: 28000, image: 'https://cdn.example.com/media/saffron-960.jpg', maxQuantity: 10, taxRate: null });

  const placed = order({ items: [{ productId: product.id, variantId: 'v-500-plain', name: 'Kaju Katli', options: { Weight: '500 g', Flavour: 'Plain' }, sku: 'KK-500-P', unitPrice: 48000, quantity: 1, lineTotal: 48000, ...untaxed(48000) }] });
  const page = renderPage({ page: 'order', props: { ctx: ctx(), store, order: placed, justPlaced: false } });
  t.match(page, '<td>Kaju Katli<span class="line-variant">Weight: 500 g, Flavour: Plain</span></td>');
  const simple = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order(), justPlaced: false } });
  t.notMatch(simple, 'line-variant', 'nothing for products without options');
});

t.test('product page with options: the chosen variant\'s stepper shows the cookie cart\'s count; the picker speaks Hindi', async (t) => {
  const product = sweetBox();
  const html = renderPage({ page: 'product', props: { ctx: ctx(), store, product, canonicalUrl, choice: { variantId: 'v-500-plain' }, inCart: { 'v-500-plain': 2, 'v-250-saffron': 1 } } });
  t.match(html, '<div class="buy" data-cart-item="v-500-plain" data-max="3">');
  t.match(html, '<span class="step-long" data-cart-label>In cart (2)</span>');
  const props = JSON.parse(islandScript(html, 'variant-picker') ?? '{}');
  t.same(props.inCart, { 'v-500-plain': 2, 'v-250-saffron': 1 }, 'the picker knows every variant\'s count (another pick shows its own)');
  t.notOk('pictures' in props.product, 'the picker scrolls the gallery; it needs no copy of the pictures');

  const hi = renderPage({ page: 'product', props: { ctx: ctx({ locale: 'hi' }), store, product, canonicalUrl, choice: { picks: ['500 g', 'Plain'] } } });
  t.match(hi, 'कार्ट में डालें');
  t.match(hi, 'सिर्फ़ 3 बचे हैं');
  t.match(hi, 'यह विकल्प दिखाएँ');
  t.match(hi, '<span class="sr-only"> (स्टॉक खत्म)</span>');
  t.equal(JSON.parse(islandScript(hi, 'variant-picker') ?? '{}').m.locale, 'hi');
});
