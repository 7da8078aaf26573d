// The islands' pure parts: the browser cart's quantities, the API error mapping and PRICE_CHANGED quotes.
import t from 'tap';
import { addLine, maxLineQuantity, setLineQuantity } from '../src/islands/cart-storage.js';
import { newIdempotencyKey, orderErrors } from '../src/islands/order-errors.js';
import { linesFromQuote, readQuote } from '../src/islands/price-quote.js';

const tea = { productId: 'p1', name: 'Tea', price: 100, image: null, maxQuantity: 3 };
const pot = { productId: 'p2', name: 'Pot', price: 900, image: null, maxQuantity: null };

t.test('addLine merges and caps at stock', async (t) => {
  let lines = addLine([], tea, 2);
  t.same(lines, [{ ...tea, quantity: 2 }]);
  lines = addLine(lines, tea, 5);
  t.equal(lines[0]!.quantity, 3, 'capped at the stock');
  lines = addLine(lines, pot, 500);
  t.equal(lines[1]!.quantity, maxLineQuantity, 'untracked stock capped at the line maximum');
  t.equal(lines.length, 2);
});

t.test('setLineQuantity sets, caps and removes', async (t) => {
  const lines = [{ ...tea, quantity: 1 }, { ...pot, quantity: 1 }];
  t.equal(setLineQuantity(lines, 'p1', 2)[0]!.quantity, 2);
  t.equal(setLineQuantity(lines, 'p1', 10)[0]!.quantity, 3);
  t.same(setLineQuantity(lines, 'p1', 0).map((l) => l.productId), ['p2']);
  t.same(setLineQuantity(lines, 'p1', Number.NaN).map((l) => l.productId), ['p2'], 'a cleared field removes');
});

t.test('orderErrors places API details beside fields and lines', async (t) => {
  const lines = [{ productId: 'p1' }, { productId: 'p2' }];
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
  t.same(mapped.lines, { p2: 'This product is no longer available' });
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
  const lines = [{ ...tea, quantity: 2 }, { ...pot, quantity: 1 }];
  const next = linesFromQuote(
    { items: [{ productId: 'p1', name: 'Tea (new)', unitPrice: 120, quantity: 2, lineTotal: 240 }, { productId: 'p3', name: 'Cup', unitPrice: 50, quantity: 1, lineTotal: 50 }], subtotal: 290, deliveryFee: 0, total: 290, currency: 'INR' },
    lines,
  );
  t.same(next, [
    { productId: 'p1', name: 'Tea (new)', price: 120, quantity: 2, image: null, maxQuantity: 3 },
    { productId: 'p3', name: 'Cup', price: 50, quantity: 1, image: null, maxQuantity: null },
  ], 'a line the server no longer prices (p2) drops out');
});
