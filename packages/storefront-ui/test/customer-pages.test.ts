import t from 'tap';
import { renderPage } from '../src/index.js';
import { attrValues, islandScript, tagWithId } from './fixtures/html.js';
import { categories, ctx, order, store, storeProduct, storeProducts } from './fixtures/pages.js';

const canonicalUrl = 'https://shop.example.com/chai-corner';
/** The page as the customer reads it: the islands' props (their texts as JSON) left out. */
const visible = (html: string) => html.replace(/<script type="application\/json"[^>]*>.*?<\/script>/gs, '');

t.test('store page: meta, Open Graph, cards, prices and add-to-cart forms', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: storeProducts(8), canonicalUrl } });
  t.ok(html.startsWith('<!doctype html><html lang="en">'));
  t.match(html, '<title>Chai Corner</title>');
  t.match(html, '<meta name="description" content="Fresh Assam and Darjeeling teas, packed to order."/>');
  t.match(html, '<meta property="og:title" content="Chai Corner"/>');
  t.match(html, '<meta property="og:type" content="website"/>');
  t.match(html, `<meta property="og:url" content="${canonicalUrl}"/>`);
  t.match(html, '<meta property="og:image" content="https://cdn.example.com/media/logo.png"/>');
  t.match(html, '<meta property="og:description"');
  t.match(html, '<meta name="twitter:card" content="summary_large_image"/>');
  t.match(html, `<link rel="canonical" href="${canonicalUrl}"/>`);
  t.equal(html.slice(html.indexOf('<body')).match(/>Chai Corner</g)?.length, 2, 'the name: the header and the heading read out…');
  t.match(html, '<h1 class="sr-only">Chai Corner</h1>', '…which is not shown a second time');
  t.match(html, /<img src="https:\/\/cdn.example.com\/media\/products\/p1-a.webp" alt width="400" height="400" fetchpriority="high" decoding="async"/, 'the first row loads at once');
  t.match(html, /<img src="https:\/\/cdn.example.com\/media\/products\/p5-a.webp" alt width="400" height="400" loading="lazy" decoding="async"/, 'the rest lazily');
  t.match(html, '<span class="price-now">₹500</span>', 'a whole price without paise');
  t.match(html, /<s class="price-mrp"><span class="sr-only">MRP <\/span>₹601<\/s> <span class="price-off">17% off<\/span>/, 'MRP struck with the discount');
  const card1 = html.slice(html.indexOf('<article class="card">'), html.indexOf('<article class="card">', html.indexOf('<article class="card">') + 1));
  t.match(card1, 'Masala Chai 1');
  t.notMatch(card1, 'price-mrp', 'no MRP on a product without one');
  t.match(html, /<a class="chip" href="\/chai-corner\/c\/cat-1">Loose tea<\/a>/);
  const addForms = html.match(/<form method="post" action="\/chai-corner\/cart" class="add-form" data-cart-add/g) ?? [];
  t.equal(addForms.length, 7, 'one add form per in-stock product (product 7 is sold out)');
  const cards = html.split('<article class="card').slice(1);
  t.match(cards.at(-1) ?? '', 'Masala Chai 7', 'the sold-out product is the last card');
  t.equal((cards.at(-1) ?? '').match(/Sold out/g)?.length, 1, 'one "Sold out" on its card');
  t.match(cards.at(-1) ?? '', '<p class="sold-out">Sold out</p>');
  t.notMatch(html, 'tag-soldout', 'no second label over the picture');
  t.match(html, '<input type="hidden" name="productId" value="prod-1"/><input type="hidden" name="variantId" value="prod-1"/><input type="hidden" name="action" value="add"/><input type="hidden" name="quantity" value="1"/>');
  t.match(html, '<ul class="delivery-terms"><li>Delivery ₹40</li><li>Free delivery on orders of ₹999 or more</li><li>Minimum order ₹200</li></ul>', 'fee, free-delivery threshold and minimum order');
  t.match(html, '<a href="/chai-corner/p/masala-chai-1">Masala Chai 1</a>', 'cards link to the readable product link');
  t.match(html, '<form class="search" method="get" action="/chai-corner" role="search">');
  t.notMatch(html, 'load-more', 'one page: no "Load more"');
  t.match(html, '<div data-island-root="cart">');
  t.match(html, '<script type="module" src="/static/client.TEST.js"></script>');
});

t.test('store page: category filter, empty state, closed store', async (t) => {
  const inCategory = storeProducts(6).filter((p) => p.categoryId === 'cat-2');
  const filtered = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: inCategory, activeCategoryId: 'cat-2', canonicalUrl } });
  t.match(filtered, '<title>Gift boxes · Chai Corner</title>');
  t.match(filtered, /<a class="chip" href="\/chai-corner\/c\/cat-2" aria-current="page">/);
  t.match(filtered, '<form class="search" method="get" action="/chai-corner/c/cat-2" role="search">', 'searching within the category');
  t.match(filtered, 'Masala Chai 3');
  t.match(filtered, 'placeholder="Search Gift boxes"');

  const closed = renderPage({ page: 'store', props: { ctx: ctx(), store: { ...store, isOpen: false }, categories, products: storeProducts(4), canonicalUrl } });
  t.match(closed, /class="banner-closed" role="status">Chai Corner is closed right now/);
  t.notMatch(closed, 'data-cart-add', 'no add buttons when closed');
  t.notMatch(closed, '<script', 'no island and no script when closed');

  const empty = renderPage({ page: 'store', props: { ctx: ctx(), store: { ...store, description: '', logoUrl: null }, categories: [], products: [], canonicalUrl } });
  t.match(empty, 'No products yet');
  t.match(empty, '<meta name="description" content="Order from Chai Corner online. Cash on delivery."/>');
  t.notMatch(empty, 'og:image');
  t.match(empty, '<meta name="twitter:card" content="summary"/>');
});

t.test('user text is escaped everywhere', async (t) => {
  const evil = '<script>alert(1)</script>';
  const p = storeProduct(1, { name: evil, description: `"><img src=x onerror=alert(1)>` });
  const html = renderPage({ page: 'store', props: { ctx: ctx(), store: { ...store, name: evil, description: evil }, categories: [{ id: 'c', name: evil, position: 0 }], products: [p], canonicalUrl } });
  t.notMatch(html, '<script>alert(1)');
  t.notMatch(html, '<img src=x');
  t.match(html, '&lt;script>alert(1)&lt;/script>');
  t.match(html, 'data-name="&lt;script>alert(1)&lt;/script>"');
  const page = renderPage({ page: 'product', props: { ctx: ctx(), store, product: p, canonicalUrl } });
  t.notMatch(page, '<img src=x');
  t.match(page, '&quot;>&lt;img src=x onerror=alert(1)>');
});

t.test('product page: every image, product Open Graph, quantity and add to cart', async (t) => {
  const p = storeProduct(2, { images: ['/media/a.webp', '/media/b.webp', '/media/c.webp'] });
  const html = renderPage({ page: 'product', props: { ctx: ctx(), store, product: p, category: categories[0], canonicalUrl: `${canonicalUrl}/p/prod-2` } });
  t.match(html, '<title>Masala Chai 2 · Chai Corner</title>');
  t.match(html, '<meta property="og:type" content="product"/>');
  t.match(html, '<meta property="og:image" content="https://shop.example.com/media/a.webp"/>', 'relative image made absolute');
  t.match(html, '<meta property="og:url" content="https://shop.example.com/chai-corner/p/prod-2"/>');
  t.match(html, '<meta name="description" content="Strong CTC tea with cardamom, ginger and clove. Brew 2 minutes."/>');
  t.equal(html.match(/<img src="\/media\/[abc].webp" alt="Masala/g)?.length, 3, 'every picture in the row');
  t.match(html, /<div class="gallery-slide" id="photo-1" data-picture-index="0"><img src="\/media\/a.webp" alt="Masala Chai 2" width="800" height="800" fetchpriority="high" decoding="async"/);
  t.match(html, /<img src="\/media\/b.webp" alt="Masala Chai 2, picture 2" width="800" height="800" loading="lazy"/);
  t.match(html, /<nav class="gallery-nav" aria-label="Pictures"><a class="gallery-thumb" href="#photo-1" aria-current="true"><img src="\/media\/a.webp" alt width="64" height="64" loading="lazy" decoding="async"\/><span class="sr-only">Picture 1 of 3<\/span><\/a>/, 'dots or thumbnails, links without JavaScript');
  t.notMatch(html, 'type="number"', 'no bare number box');
  t.match(html, '<div class="buy" data-cart-item="prod-2" data-max="5">', 'the buying controls');
  t.match(html, /<form method="post" action="\/chai-corner\/cart" class="step-form" data-cart-step hidden>/, 'the stepper, hidden until the product is in the cart');
  t.match(html, /<a class="btn btn-secondary share" href="https:\/\/wa.me\/\?text=Masala%20Chai%202%20at%20Chai%20Corner%20https%3A%2F%2Fshop.example.com%2Fchai-corner%2Fp%2Fprod-2" target="_blank" rel="noopener noreferrer">Share on WhatsApp<\/a>/, 'a WhatsApp share link without JavaScript');
  t.match(html, '<a href="/chai-corner">All products</a>', 'the breadcrumb does not repeat the store name');
  t.match(html, '<p>Brew 2 minutes.</p>');
  t.match(html, '<a href="/chai-corner/c/cat-1">Loose tea</a>');
  t.notMatch(html, 'data-island-root="variant-picker"', 'no picker (and no JavaScript for it) without options');
  t.match(html, '<p class="stock-low">Only 5 left</p>');

  const sold = renderPage({ page: 'product', props: { ctx: ctx(), store, product: storeProduct(7), canonicalUrl } });
  t.match(sold, '<p class="sold-out">Sold out</p>');
  t.notMatch(sold, 'data-cart-add');

  const bare = renderPage({ page: 'product', props: { ctx: ctx(), store, product: storeProduct(3, { images: [], pictures: [] }), canonicalUrl } });
  t.match(bare, /<div class="gallery gallery-empty"><span class="no-photo" aria-hidden="true"><svg viewBox="0 0 24 24" width="32" height="32"/, 'a small neutral sign, hidden from screen readers');
  t.notMatch(bare, 'img-placeholder', 'no giant letter');
  t.notMatch(bare, 'gallery-nav', 'no dots for no pictures');
});

t.test('checkout page: lines, totals, labelled fields, errors tied to fields', async (t) => {
  const lines = [{ productId: 'prod-1', variantId: 'prod-1', options: {}, name: 'Masala Chai', price: 49900, quantity: 2, image: null, maxQuantity: 5 }];
  const html = renderPage({
    page: 'checkout',
    props: {
      ctx: ctx(),
      store,
      lines,
      products: [storeProduct(1), storeProduct(7)],
      idempotencyKey: 'idem-123',
      errors: { phone: 'Enter a 10-digit mobile number', pincode: 'Pincode must be 6 digits' },
      values: { name: 'Ravi Kumar', phone: '98123', address: '4 Lake View' },
    },
  });
  t.match(html, '<title>Checkout · Chai Corner</title>');
  t.match(html, '<meta name="robots" content="noindex"/>');
  t.match(html, '<form method="post" action="/chai-corner/checkout" id="checkout-form" novalidate>', 'novalidate: every refusal in our words, never the browser\'s bubble');
  t.match(html, '<input type="hidden" name="idempotencyKey" value="idem-123"/>');
  const checkoutForm = /<form[^>]*id="checkout-form"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  t.match(checkoutForm, '<input type="hidden" name="item" value="prod-1:prod-1:2"/>', 'the line shown (product, variant, quantity), posted with the order');
  t.match(checkoutForm, '<input type="hidden" name="expectedTotal" value="103800"/>', 'the total shown (₹1,038.00), in minor units');
  t.equal(checkoutForm.match(/name="item"/g)?.length, 1, 'exactly the lines shown');
  for (const f of ['name', 'phone', 'email', 'address', 'pincode', 'note']) t.match(html, `<label for="checkout-${f}">`, `label for ${f}`);
  const phone = tagWithId(html, 'checkout-phone') ?? '';
  t.match(phone, 'aria-invalid="true"');
  t.match(phone, 'aria-describedby="checkout-phone-hint checkout-phone-error"');
  t.match(phone, 'value="98123"', 'typed value kept');
  t.match(html, '<p class="field-error" id="checkout-phone-error">Enter a 10-digit mobile number, such as 98765 43210.</p>', 'a person\'s words, whatever the server said');
  t.match(html, '<p class="field-error" id="checkout-pincode-error">Enter your 6-digit PIN code.</p>', 'the PIN code left empty: asked for');
  t.match(html, /<div class="alert alert-error error-summary" role="alert" tabindex="-1"><h2>Please fix these 2 things before placing your order:<\/h2><ul><li><a href="#checkout-phone">Mobile number<\/a><\/li><li><a href="#checkout-pincode">PIN code<\/a><\/li><\/ul><\/div>/, 'a summary links to each field by name, without JavaScript too');
  t.match(html, /<textarea name="address" id="checkout-address"[^>]*>4 Lake View<\/textarea>/);
  t.notMatch(tagWithId(html, 'checkout-name') ?? '', 'aria-invalid');
  t.match(html, /<input type="hidden" name="action" value="set"\/>[\s\S]*?<input id="qty-prod-1" type="number" name="quantity"[^>]*value="2"/);
  t.match(html, '<input type="hidden" name="action" value="remove"/>');
  t.match(html, '<dd data-subtotal="true">₹998.00</dd>');
  t.match(html, '<dd data-delivery="true">₹40.00</dd>');
  t.match(html, '<dd data-total="true">₹1,038.00</dd>');
  t.match(html, 'Place order · ₹1,038.00');
  t.match(html, 'Cash on delivery');
  const props = JSON.parse(islandScript(html, 'checkout') ?? '{}');
  t.equal(props.mode, 'checkout');
  t.same(Object.keys(props.catalog), ['prod-1'], 'sold-out products left out of the catalogue');
  t.same(props.rules, { deliveryFee: 4000, freeDeliveryAbove: 99900, minOrderValue: 20000, packagingFee: null, codFee: null, tax: null }, 'no GSTIN: no tax');
});

t.test('checkout page: free delivery, minimum order, empty cart, closed', async (t) => {
  const line = (quantity: number, price = 50000) => [{ productId: 'p', variantId: 'p', options: {}, name: 'Tea', price, quantity, image: null, maxQuantity: null }];
  const free = renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines: line(2), idempotencyKey: 'k' } });
  t.match(free, '<dd data-delivery="true">Free</dd>');
  t.match(free, '<dd data-total="true">₹1,000.00</dd>');
  const short = renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines: line(1, 15000), idempotencyKey: 'k' } });
  t.match(
    short,
    /<button type="submit" class="btn btn-primary btn-block place-order" disabled aria-describedby="place-order-why">Place order · ₹190.00<\/button><p class="notice place-order-why" id="place-order-why">Add ₹50.00 more to place your order. The minimum order is ₹200.00.<\/p>/,
    'the greyed button says why, right under it',
  );
  t.equal(visible(short).split('The minimum order is').length, 2, 'said once');
  const empty = visible(renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines: [], idempotencyKey: 'k' } }));
  t.match(empty, '<h2 id="cart-title">Your cart is empty</h2>');
  t.match(empty, /<a class="btn btn-primary" href="\/chai-corner">Continue shopping<\/a>/);
  for (const gone of ['Place order', 'checkout-form', 'name="item"', 'data-total', 'Your details']) t.notMatch(empty, gone, `an empty cart shows no ${gone}`);
  const closed = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, isOpen: false }, lines: line(2), idempotencyKey: 'k', formError: 'Chai Corner is closed' } });
  t.match(closed, '<p class="notice place-order-why" id="place-order-why">This shop is not taking orders right now.</p>');
  t.match(closed, '<div class="alert alert-error error-summary" role="alert" tabindex="-1"><p class="error-summary-form">Chai Corner is closed</p></div>');
});

t.test('checkout page: a quantity cut to the stock left and a sold-out line are said, a line without a photo shows its initial', async (t) => {
  const lines = [{ productId: 'p', variantId: 'p', options: {}, name: 'Tea', price: 50000, quantity: 2, image: null, maxQuantity: 2 }];
  const html = visible(renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines, cuts: { p: { asked: 5, left: 2 } }, dropped: ['Kulhad Cups'], idempotencyKey: 'k' } }));
  t.match(html, '<p class="line-note" id="line-p-cut" role="status">Only 2 left, so your quantity is now 2 instead of 5.</p>');
  t.match(tagWithId(html, 'qty-p') ?? '', 'aria-describedby="line-p-cut"');
  t.match(html, '<p class="notice cart-dropped" role="status">Kulhad Cups is sold out and was taken out of your cart.</p>');
  t.match(html, '<span class="line-img line-img-empty" aria-hidden="true">T</span>');
  t.match(html, '<button type="submit" class="btn-link line-remove" aria-label="Remove Tea">Remove</button>');
});

t.test('checkout page in Hindi: the page, the island\'s texts and the PIN code message', async (t) => {
  const lines = [{ productId: 'p', variantId: 'p', options: {}, name: 'Tea', price: 50000, quantity: 2, image: null, maxQuantity: null }];
  const html = renderPage({ page: 'checkout', props: { ctx: ctx({ locale: 'hi' }), store, lines, idempotencyKey: 'k', errors: { pincode: 'PIN code must be 6 digits and cannot start with 0' }, values: { pincode: '012345' } } });
  t.match(html, '<h1>चेकआउट</h1>');
  t.match(html, 'ऑर्डर करें · ₹1,000.00');
  t.match(html, '<p class="field-error" id="checkout-pincode-error">भारत का कोई भी PIN कोड 0 से शुरू नहीं होता। पहला अंक जाँच लें।</p>');
  t.equal(JSON.parse(islandScript(html, 'checkout') ?? '{}').m.locale, 'hi', 'the island formats in Hindi after hydration too');
});

t.test('checkout page: every amount in its currency\'s own exponent', async (t) => {
  const line = [{ productId: 'p', variantId: 'p', options: {}, name: 'Tea', price: 1500, quantity: 2, image: null, maxQuantity: null }];
  const jpy = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, currency: 'JPY', deliveryFee: 400, freeDeliveryAbove: null, minOrderValue: 5000 }, lines: line, idempotencyKey: 'k' } });
  t.match(jpy, '<p class="line-unit">¥1,500 each</p>', 'JPY has no minor unit: 1500 is ¥1,500');
  t.match(jpy, '<dd data-total="true">¥3,400</dd>');
  t.match(jpy, 'Add ¥2,000 more to place your order. The minimum order is ¥5,000.', 'the minimum is not divided by 100');
  const kwd = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, currency: 'KWD', deliveryFee: 500, freeDeliveryAbove: null, minOrderValue: 0 }, lines: line, idempotencyKey: 'k' } });
  t.match(kwd, /<dd data-total="true">KWD\s3\.500<\/dd>/u, 'KWD has three decimals');
});

t.test('order page: thank-you only when just placed, lines and totals', async (t) => {
  const placed = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order(), justPlaced: true } });
  t.match(placed, '<h1>Thank you, Ravi Kumar!</h1>');
  t.match(placed, 'Your order #1001 has been placed.');
  t.match(placed, '<span class="status status-pending">Placed</span>', 'the customer\'s word, the tracker\'s');
  t.notMatch(placed, 'Pending', 'one status word, not the vendor\'s beside it');
  t.match(placed, /<td>Masala Chai<\/td><td class="num">2<\/td><td class="num">₹499.00<\/td><td class="num">₹998.00<\/td>/);
  t.match(placed, /Delivery<\/th><td class="num">Free<\/td>/);
  t.match(placed, /Total<\/th><td class="num">₹1,348.00<\/td>/);
  t.match(placed, '<li class="current" aria-current="step"><span class="tracker-word">Placed</span><time datetime="2025-11-25T10:00:00.000Z">25 Nov 2025, 3:30 pm</time></li>');
  t.same([...placed.matchAll(/data-island="([^"]+)"/g)].map((m) => m[1]), ['copy-link'], 'the one island: copy or share the link');
  const later = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'shipped' }), justPlaced: false, timeline: { accepted: '2025-11-25T11:00:00.000Z', shipped: '2025-11-26T04:30:00.000Z' } } });
  t.notMatch(later, 'Thank you');
  t.match(later, '<h1>Order #1001</h1>');
  t.match(later, '<span class="status status-shipped">On the way</span>', 'badge and tracker agree');
  t.match(later, '<li class="done"><span class="tracker-word">Confirmed</span><time datetime="2025-11-25T11:00:00.000Z">25 Nov 2025, 4:30 pm</time></li>');
  t.match(later, '<li class="current" aria-current="step"><span class="tracker-word">On the way</span><time datetime="2025-11-26T04:30:00.000Z">26 Nov 2025, 10:00 am</time></li>', 'each step with its time');
  t.match(later, '<li class="todo"><span class="tracker-word">Delivered</span><span class="tracker-next">Next</span></li>');
  t.match(later, 'Please keep ₹1,348.00 ready', 'an order on its way asks for the cash');
  const pickup = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'shipped', deliveryMethod: 'pickup' }), justPlaced: false } });
  t.match(pickup, '<span class="status status-shipped">Ready to collect</span>');
});

t.test('order page: copy or share the link, and the shop\'s phone and WhatsApp', async (t) => {
  const html = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order(), justPlaced: false, orderUrl: 'https://shop.example/chai-corner/orders/tok_1' } });
  const props = JSON.parse(islandScript(html, 'copy-link') ?? '{}');
  t.equal(props.url, 'https://shop.example/chai-corner/orders/tok_1');
  t.same(props.share, { title: 'Order #1001', text: 'My order #1001 at Chai Corner' });
  t.match(html, `href="https://wa.me/?text=${encodeURIComponent('My order #1001 at Chai Corner https://shop.example/chai-corner/orders/tok_1')}"`, 'WhatsApp without JavaScript or a share sheet');
  t.match(html, '<a class="btn btn-secondary contact-call" href="tel:+919876543210">Call +91 98765 43210</a>');
  t.match(html, `href="https://wa.me/919876543210?text=${encodeURIComponent('Hello Chai Corner, about my order #1001: ')}"`);
  const noPhone = renderPage({ page: 'order', props: { ctx: ctx(), store: { ...store, phone: null }, order: order(), justPlaced: false } });
  t.notMatch(noPhone, 'order-contact', 'no phone: no contact box');
  const hi = renderPage({ page: 'order', props: { ctx: ctx({ locale: 'hi' }), store, order: order({ status: 'shipped' }), justPlaced: false } });
  t.match(hi, '<span class="status status-shipped">रास्ते में</span>');
  t.match(hi, 'दुकान को WhatsApp करें');
  t.match(hi, '₹1,348.00 तैयार रखें');
});

t.test('order page: a rejected, cancelled or returned order shows the reason and asks for no cash', async (t) => {
  for (const status of ['rejected', 'cancelled', 'returned'] as const) {
    const html = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status, statusReason: 'Out of stock <today>' }), justPlaced: false, timeline: { [status]: '2025-11-25T12:00:00.000Z' } } });
    t.match(html, 'Reason from the shop: Out of stock &lt;today', `${status}: the reason, escaped`);
    t.notMatch(html, 'ready', `${status}: no cash to keep ready`);
    t.match(html, 'You do not need to pay anything for it.', `${status}: says nothing is owed`);
    t.match(html, `<li class="current" aria-current="step"><span class="tracker-word">`, `${status}: where it stopped`);
    t.match(html, '<time datetime="2025-11-25T12:00:00.000Z">', `${status}: and when`);
    t.notMatch(html, 'On the way', `${status}: no steps it will never reach`);
    const plain = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status }), justPlaced: false } });
    t.notMatch(plain, 'Reason from the shop', `${status}: nothing when no reason was given`);
  }
  const rejected = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'rejected' }), justPlaced: false } });
  t.match(rejected, '<span class="status status-rejected">Declined</span>');
  t.match(rejected, 'Chai Corner could not take this order.');
  const returned = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'returned' }), justPlaced: false } });
  t.match(returned, 'went back to Chai Corner');
});

t.test('not-found and error pages', async (t) => {
  const nf = renderPage({ page: 'not-found', props: { ctx: ctx(), message: 'There is no shop at this link.' } });
  t.match(nf, '<title>Page not found</title>');
  t.match(nf, 'There is no shop at this link.');
  t.notMatch(nf, '<script');
  const err = renderPage({ page: 'error', props: { ctx: ctx(), statusCode: 503, message: 'We are updating the shop.' } });
  t.match(err, '<h1>Something went wrong</h1>');
  t.match(err, 'We are updating the shop.');
  t.match(err, '503');
  const bad = renderPage({ page: 'error', props: { ctx: ctx(), statusCode: 400 } });
  t.match(bad, 'Please go back and try again.');
  t.throws(() => renderPage({ page: 'nope', props: {} } as never), TypeError);
});

t.test('images on the store page carry width and height', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: storeProducts(10), canonicalUrl } });
  const imgs = html.match(/<img\b[^>]*>/g) ?? [];
  t.ok(imgs.length > 10);
  for (const img of imgs) t.match(img, /width="\d+" height="\d+"/, img);
  t.ok(attrValues(html, 'src').length >= imgs.length);
});

t.test('store page: the cookie cart shows as "In cart (n)" and −/+ steppers that post without JavaScript', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx({ csrfToken: 'c1' }), store, categories, products: storeProducts(3), canonicalUrl, inCart: { 'prod-2': 2 }, cartLines: [] } });
  const card = html.split('<article class="card')[2] ?? '';
  t.match(card, 'Masala Chai 2');
  t.match(card, '<span class="tag tag-incart" data-cart-badge="prod-2">In cart (2)</span>', 'the count over the picture');
  t.match(card, /<form method="post" action="\/chai-corner\/cart" class="add-form" data-cart-add [^>]*hidden>/, '"Add to cart" gives way to the stepper');
  t.match(card, /<form method="post" action="\/chai-corner\/cart" class="step-form" data-cart-step><input type="hidden" name="crumb" value="c1"\/><input type="hidden" name="productId" value="prod-2"\/><input type="hidden" name="variantId" value="prod-2"\/><input type="hidden" name="action" value="set"\/>/);
  t.match(card, /<button type="submit" class="btn step-btn" name="quantity" value="1" data-step="-1" aria-label="One less: Masala Chai 2">/, '− sets one less');
  t.match(card, /<button type="submit" class="btn step-btn" name="quantity" value="3" data-step="1" aria-label="One more: Masala Chai 2">/, '+ sets one more');
  t.match(card, '<span class="step-long" data-cart-label>In cart (2)</span><span class="step-short" aria-hidden="true" data-cart-count>2</span>');
  const other = html.split('<article class="card')[1] ?? '';
  t.match(other, /data-cart-badge="prod-1" hidden>/, 'nothing in the cart: no badge');
  t.match(other, /class="step-form" data-cart-step hidden>/);

  const full = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: [storeProduct(1)], canonicalUrl, inCart: { 'prod-1': 4 } } });
  t.match(full, /value="4" data-step="1" disabled aria-label/, 'no more than the stock (4)');
});

t.test('store page in Hindi: every text of ours from the catalogue, prices in Latin digits', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx({ locale: 'hi' }), store, categories, products: storeProducts(8), canonicalUrl, q: '', hasMore: true } });
  t.match(html, '<html lang="hi">');
  t.match(html, 'कार्ट में डालें');
  t.match(html, '<p class="sold-out">स्टॉक खत्म</p>');
  t.match(html, '<li>डिलीवरी ₹40</li>');
  t.match(html, '<li>₹999 या उससे ज़्यादा के ऑर्डर पर फ्री डिलीवरी</li>');
  t.match(html, '<li>कम से कम ऑर्डर ₹200</li>');
  t.match(html, 'aria-label="कैटेगरी"');
  t.match(html, '>सभी</a>');
  t.match(html, 'placeholder="Chai Corner में खोजें"');
  t.match(html, '<span class="price-off">17% छूट</span>');
  t.match(html, '>और दिखाएँ</a>', 'the load-more island in Hindi');
  for (const english of ['Add to cart', 'Sold out', 'Delivery', 'Search', 'Load more', 'Categories', 'Check delivery']) t.notMatch(html, `>${english}`, `no "${english}" left`);
  const cartProps = JSON.parse(islandScript(html, 'cart') ?? '{}');
  t.equal(cartProps.m.locale, 'hi', 'the cart island formats in Hindi');
  t.ok(cartProps.m.messages['store.inCart'], 'with the "In cart" text for the steppers');
});

t.test('product page in Hindi, and a link to no product: the store\'s own 404 with its header and a way back', async (t) => {
  const p = storeProduct(2, { images: ['/media/a.webp', '/media/b.webp'] });
  const hi = renderPage({ page: 'product', props: { ctx: ctx({ locale: 'hi' }), store, product: p, canonicalUrl } });
  t.match(hi, 'WhatsApp पर शेयर करें');
  t.match(hi, 'सिर्फ़ 5 बचे हैं');
  t.match(hi, 'aria-label="तस्वीरें"');
  t.match(hi, 'सभी प्रोडक्ट');

  for (const locale of ['en', 'hi'] as const) {
    const missing = renderPage({ page: 'product', props: { ctx: ctx({ locale }), store, product: null, canonicalUrl } });
    t.match(missing, '<header class="shop-header"><a class="shop-brand" href="/chai-corner">', `${locale}: the store's header`);
    t.match(missing, '<a class="btn btn-primary" href="/chai-corner">', `${locale}: the way back to the store`);
    t.notMatch(missing, '/login', `${locale}: never the vendor login`);
    t.match(missing, '<meta name="robots" content="noindex"/>');
  }
  const missing = renderPage({ page: 'product', props: { ctx: ctx(), store, product: null, canonicalUrl } });
  t.match(missing, '<h1>This product is not here any more</h1>');
  t.match(missing, 'Continue shopping');
});

t.test('a card without a photo: a small neutral sign, no letter', async (t) => {
  const html = renderPage({ page: 'store', props: { ctx: ctx(), store, categories, products: [storeProduct(1, { images: [], pictures: [] })], canonicalUrl } });
  t.match(html, /<a class="card-media" href="\/chai-corner\/p\/masala-chai-1" tabindex="-1" aria-hidden="true"><span class="no-photo" aria-hidden="true"><svg/);
  t.notMatch(html, 'img-placeholder');
});
