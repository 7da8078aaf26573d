// The islands' pure parts: the browser cart's quantities, the API error mapping and PRICE_CHANGED quotes.
import t from 'tap';
import { addLine, cartKey, maxLineQuantity, readCart, setLineQuantity, writeCart } from '../src/islands/cart-storage.js';
import { newIdempotencyKey, orderErrors } from '../src/islands/order-errors.js';
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
  t.equal(mapped.form, 'Please check the highlighted fields.');
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
