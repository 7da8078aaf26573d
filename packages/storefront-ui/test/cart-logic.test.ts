// The islands' pure parts: the browser cart's quantities, the API error mapping and PRICE_CHANGED quotes.
import t from 'tap';
import { createTranslator } from '@dukaan-kit/core/i18n';
import { addLine, cartCookiePath, cartKey, encodeCartCookie, maxLineQuantity, readCart, setLineQuantity, writeCart } from '../src/islands/cart-storage.js';
import { reconcileReport } from '../src/islands/checkout-cart.js';
import { couponRefusal, fieldMessage, lineMessage, type CheckoutT } from '../src/islands/checkout-text.js';
import { newIdempotencyKey, orderErrors } from '../src/islands/order-errors.js';
import { en, hi } from '../src/i18n/catalogue.js';
import { linesFromQuote, readQuote } from '../src/islands/price-quote.js';

const tea = { productId: 'p1', variantId: 'p1', name: 'Tea', options: {}, price: 100, image: null, maxQuantity: 3 };
const pot = { productId: 'p2', variantId: 'p2', name: 'Pot', options: {}, price: 900, image: null, maxQuantity: null };
/** Two variants of one product: separate lines. */
const sweet250 = { productId: 'p3', variantId: 'v250', name: 'Kaju Katli', options: { Weight: '250 g' }, price: 25000, image: null, maxQuantity: 5 };
const sweet500 = { ...sweet250, variantId: 'v500', options: { Weight: '500 g' }, price: 48000 };

t.test('addLine merges and caps at stock', async (t) => {
  let lines = addLine([], tea, 2);
  t.same(lines, [{ ...tea, quantity: 2 }]);
  lines = addLine(lines, tea, 5);
  t.equal(lines[0]!.quantity, 3, 'capped at the stock');
  lines = addLine(lines, pot, 500);
  t.equal(lines[1]!.quantity, maxLineQuantity, 'untracked stock capped at the line maximum');
  t.equal(lines.length, 2);
  lines = addLine(addLine(lines, sweet250, 1), sweet500, 2);
  t.same(
    lines.slice(2).map((l) => [l.variantId, l.quantity]),
    [['v250', 1], ['v500', 2]],
    'two variants of one product are two lines',
  );
  t.equal(addLine(lines, sweet500, 1).find((l) => l.variantId === 'v500')!.quantity, 3, 'the same variant merges');
});

t.test('readCart upgrades lines stored before variants to their default variant', async (t) => {
  const store = new Map<string, string>();
  const fake = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  (globalThis as { localStorage?: unknown }).localStorage = fake;
  t.teardown(() => delete (globalThis as { localStorage?: unknown }).localStorage);
  store.set(cartKey('shop'), JSON.stringify([{ productId: 'p1', name: 'Tea', price: 100, quantity: 2, image: null, maxQuantity: null }, { nonsense: true }]));
  t.same(readCart('shop'), [{ productId: 'p1', variantId: 'p1', options: {}, name: 'Tea', price: 100, quantity: 2, image: null, maxQuantity: null }]);
  writeCart('shop', [{ ...sweet250, quantity: 1 }]);
  t.same(readCart('shop'), [{ ...sweet250, quantity: 1 }], 'a variant line round-trips with its options');
});

t.test('setLineQuantity sets, caps and removes', async (t) => {
  const lines = [{ ...tea, quantity: 1 }, { ...pot, quantity: 1 }, { ...sweet250, quantity: 1 }, { ...sweet500, quantity: 1 }];
  t.equal(setLineQuantity(lines, 'p1', 2)[0]!.quantity, 2);
  t.equal(setLineQuantity(lines, 'p1', 10)[0]!.quantity, 3);
  t.same(setLineQuantity(lines, 'p1', 0).map((l) => l.variantId), ['p2', 'v250', 'v500']);
  t.same(setLineQuantity(lines, 'p1', Number.NaN).map((l) => l.variantId), ['p2', 'v250', 'v500'], 'a cleared field removes');
  t.same(setLineQuantity(lines, 'v500', 0).map((l) => l.variantId), ['p1', 'p2', 'v250'], 'one variant removed, its sibling kept');
});

t.test('orderErrors places API details beside fields and lines', async (t) => {
  const lines = [{ variantId: 'p1' }, { variantId: 'v2' }];
  const mapped = orderErrors(
    {
      statusCode: 400,
      message: 'Invalid',
      code: 'VALIDATION_FAILED',
      details: [
        { path: 'customer.phone', message: 'Enter a valid phone number' },
        { path: 'customer.pincode', message: 'Pincode must be 6 digits' },
        { path: 'items.1.productId', message: 'This product is no longer available' },
        { path: 'note', message: 'Too long' },
      ],
    },
    lines,
  );
  t.same(mapped.fields, { phone: 'Enter a valid phone number', pincode: 'Pincode must be 6 digits', note: 'Too long' });
  t.same(mapped.lines, { v2: 'This product is no longer available' }, 'keyed by the line\'s variant');
  t.equal(mapped.form, null, 'every problem has its place: the summary links to them, no sentence of its own');
  t.same(orderErrors({ statusCode: 409, message: 'Only 2 of Masala Chai left', code: 'OUT_OF_STOCK' }, lines), { fields: {}, lines: {}, form: 'Only 2 of Masala Chai left' });
  t.equal(orderErrors({ details: [{ path: 'items', message: 'Add at least one item' }] }, lines).form, 'Add at least one item');
  t.same(
    orderErrors({ details: [{ path: 'customer.phone', message: 'phone must be a 10-digit mobile number' }] }, lines).fields,
    { phone: 'Phone must be a 10-digit mobile number' },
    'the API names the field by its key; shown beside it, the sentence starts with a capital',
  );
});

t.test('newIdempotencyKey is a v4 UUID', async (t) => {
  const a = newIdempotencyKey();
  t.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.not(a, newIdempotencyKey());
});

t.test('orderErrors shows the message when details are not field problems (a PRICE_CHANGED quote)', async (t) => {
  const quote = { items: [], subtotal: 0, deliveryFee: 0, total: 0, currency: 'INR' };
  t.same(orderErrors({ statusCode: 409, code: 'PRICE_CHANGED', message: 'Prices have changed', details: quote }, []), { fields: {}, lines: {}, form: 'Prices have changed' });
});

t.test('readQuote accepts the PRICE_CHANGED details and refuses anything else', async (t) => {
  const quote = {
    items: [{ productId: 'p1', name: 'Tea', unitPrice: 120, quantity: 2, lineTotal: 240 }],
    subtotal: 240,
    deliveryFee: 40,
    total: 280,
    currency: 'INR',
  };
  t.same(readQuote(quote), quote);
  for (const bad of [null, [], 'x', { ...quote, items: 'x' }, { ...quote, total: -1 }, { ...quote, total: 1.5 }, { ...quote, currency: 3 }, { ...quote, items: [{ ...quote.items[0], quantity: 0 }] }, { ...quote, items: [{ productId: 'p1' }] }]) {
    t.equal(readQuote(bad), null, JSON.stringify(bad));
  }
});

t.test('linesFromQuote takes prices, names and quantities from the quote and keeps pictures and stock caps', async (t) => {
  const lines = [{ ...tea, quantity: 2 }, { ...pot, quantity: 1 }, { ...sweet500, quantity: 1 }];
  const variantLine = { productId: 'p3', variantId: 'v500', options: { Weight: '500 g' }, sku: null, name: 'Kaju Katli', unitPrice: 50000, quantity: 1, lineTotal: 50000 };
  const next = linesFromQuote(
    {
      items: [
        { productId: 'p1', variantId: 'p1', options: {}, name: 'Tea (new)', unitPrice: 120, quantity: 2, lineTotal: 240 },
        { productId: 'p4', variantId: 'p4', options: {}, name: 'Cup', unitPrice: 50, quantity: 1, lineTotal: 50 },
        variantLine,
      ],
      subtotal: 50290,
      discount: 0,
      deliveryFee: 0,
      packagingFee: 0,
      codFee: 0,
      taxTotal: 0,
      total: 50290,
      currency: 'INR',
    },
    lines,
  );
  t.same(next, [
    { productId: 'p1', variantId: 'p1', name: 'Tea (new)', options: {}, price: 120, quantity: 2, image: null, maxQuantity: 3 },
    { productId: 'p4', variantId: 'p4', name: 'Cup', options: {}, price: 50, quantity: 1, image: null, maxQuantity: null },
    { productId: 'p3', variantId: 'v500', name: 'Kaju Katli', options: { Weight: '500 g' }, price: 50000, quantity: 1, image: null, maxQuantity: 5 },
  ], 'a line the server no longer prices (p2) drops out; a variant line keeps its variant and stock cap');
  // A server from before variants sends lines without them: each is its product's default variant.
  const older = { items: [{ productId: 'p1', name: 'Tea', unitPrice: 100, quantity: 1, lineTotal: 100 }], subtotal: 100, deliveryFee: 0, total: 100, currency: 'INR' } as unknown as Parameters<typeof linesFromQuote>[0];
  t.same(linesFromQuote(older, lines).map((l) => [l.variantId, l.options, l.maxQuantity]), [['p1', {}, 3]]);
});

t.test('the cart cookie: the no-JS cart\'s format and limits, on the store\'s path', async (t) => {
  const decode = (v: string) => JSON.parse(Buffer.from(v, 'base64url').toString('utf8')) as Record<string, number>;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  t.same(decode(encodeCartCookie([{ variantId: id(1), quantity: 2 }, { variantId: id(2), quantity: 500 }])), { [id(1)]: 2, [id(2)]: 99 }, 'quantities capped at 99');
  const many = Array.from({ length: 60 }, (_, i) => ({ variantId: id(i), quantity: 1 }));
  t.equal(Object.keys(decode(encodeCartCookie(many))).length, 50, 'at most 50 lines');
  t.notMatch(encodeCartCookie(many), /[+/=]/, 'base64url, no padding');
  t.equal(cartCookiePath('chai', '/shop'), '/shop/chai', 'the mount path when the caller knows it');
  t.equal(cartCookiePath('chai', undefined, '/shop/chai/p/masala'), '/shop/chai', 'else the page path up to the slug');
  t.equal(cartCookiePath('chai', undefined, '/chai/checkout'), '/chai');

  const jar: string[] = [];
  const g = globalThis as { document?: unknown; location?: unknown; localStorage?: unknown };
  g.document = { set cookie(v: string) { jar.push(v); } };
  g.location = { protocol: 'https:', pathname: '/shop/chai/checkout' };
  g.localStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
  t.teardown(() => { delete g.document; delete g.location; delete g.localStorage; });
  writeCart('chai', [{ ...tea, variantId: id(7), quantity: 2 }]);
  t.match(jar[0], new RegExp(`^dukaan_cart=${encodeCartCookie([{ variantId: id(7), quantity: 2 }])}; Path=/shop/chai; Max-Age=2592000; SameSite=Lax; Secure$`), 'every write keeps the cookie in step');
  writeCart('chai', [], '/shop');
  t.match(jar[1], /^dukaan_cart=; Path=\/shop\/chai; Max-Age=0;/, 'an emptied cart clears it');
});

const tEn = createTranslator('en', en) as unknown as CheckoutT;
const tHi = createTranslator('hi', hi) as unknown as CheckoutT;
const india = { india: true, storeName: 'Chai Point', pickupOffered: true };

t.test('field messages are a person\'s, decided by the field and what was typed', async (t) => {
  t.equal(fieldMessage(tEn, 'pincode', '012345', 'PIN code must be 6 digits and cannot start with 0', india), 'An Indian PIN code never starts with 0. Check the first digit.');
  t.match(fieldMessage(tHi, 'pincode', '012345', 'x', india), 'PIN कोड 0 से शुरू नहीं होता');
  t.equal(fieldMessage(tEn, 'pincode', '5600', 'x', india), 'A PIN code has 6 digits, such as 560004.');
  t.equal(fieldMessage(tEn, 'pincode', '', 'x', india), 'Enter your 6-digit PIN code.');
  t.equal(fieldMessage(tEn, 'pincode', '110001', 'x', india), 'Chai Point does not deliver to 110001 yet. You can choose pickup instead.', 'a well-formed one refused: outside the area');
  t.equal(fieldMessage(tEn, 'phone', '123', '"phone" with value "123" fails to match', india), 'Enter a 10-digit mobile number, such as 98765 43210.');
  t.equal(fieldMessage(tEn, 'name', '', 'Name is not allowed to be empty', india), 'Enter your full name.');
  t.equal(fieldMessage(tHi, 'city', '', 'x', india), 'अपना शहर या कस्बा लिखें।');
  t.equal(fieldMessage(tEn, 'couponCode', 'X', 'Already in the page\'s words', india), 'Already in the page\'s words', 'a coupon refusal comes worded');
  t.equal(lineMessage(tEn, 'Only 2 left'), 'Only 2 left. Lower the quantity to place your order.');
  t.equal(lineMessage(tEn, 'Only 0 left'), 'Sold out. Remove it to place your order.');
  t.equal(couponRefusal(tEn, 'below_minimum', 'SAVE10', 'Add ₹50.00 more to use SAVE10'), 'Add ₹50.00 more to use SAVE10.');
  t.equal(couponRefusal(tHi, 'expired', 'SAVE10', 'This code expired on 1 Nov'), 'SAVE10 की मियाद ख़त्म हो चुकी है।');
  t.equal(couponRefusal(tEn, undefined, 'NOPE', 'This code is not valid'), 'This code does not work in this shop. Check it for a typing mistake.');

  const mapped = orderErrors(
    { code: 'VALIDATION_FAILED', message: 'Invalid', details: [{ path: 'customer.pincode', message: 'PIN code must be 6 digits and cannot start with 0' }, { path: 'items.0.quantity', message: 'Only 1 left' }] },
    [{ variantId: 'p1' }],
    { field: (f, raw) => fieldMessage(tEn, f, '012345', raw, india), line: (raw) => lineMessage(tEn, raw), form: () => 'not placed' },
  );
  t.same(mapped, { fields: { pincode: 'An Indian PIN code never starts with 0. Check the first digit.' }, lines: { p1: 'Only 1 left. Lower the quantity to place your order.' }, form: null });
});

t.test('reconcileReport cuts to the stock left and names what sold out', async (t) => {
  const catalog = { p1: { productId: 'p1', name: 'Tea', options: {}, price: 120, image: null, maxQuantity: 2, taxRate: null } };
  const report = reconcileReport([{ ...tea, quantity: 3 }, { ...pot, quantity: 1 }], catalog);
  t.same(report.lines.map((l) => [l.variantId, l.quantity, l.price]), [['p1', 2, 120]]);
  t.same(report.cuts, { p1: { asked: 3, left: 2 } });
  t.same(report.dropped, ['Pot']);
});
