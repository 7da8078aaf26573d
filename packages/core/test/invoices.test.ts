// Tax invoices (issue 13, point 6): what an accepted order's invoice prints, and the PDF read
// back as text. The order is built by hand with figures worked out on paper from the pricing
// rules (tax as two halves rounded half up, discount shared by largest remainder).
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { amountInWords } from '../src/india/amount-in-words.js';
import { erasedBuyerName, invoiceData, invoicePdf, noInvoiceYet, pdfText, requireInvoice, type InvoiceData } from '../src/invoices/index.js';
import { NotFoundError } from '../src/errors.js';
import type { Order, OrderLine } from '../src/orders/order.js';
import { storeRecord } from '../src/testing/persistence/fixtures.js';

const gstin = '07AABCU9603R1ZP'; // Delhi, checksum valid
const store = storeRecord('vendor-1', {
  name: 'Chandni Sweets',
  pickupAddress: 'Shop 4, Chandni Chowk\nDelhi 110006',
  phone: '+919811111111',
  gstin,
  state: 'Delhi',
  defaultTaxRate: 18,
  timeZone: 'Asia/Kolkata',
});

function line(overrides: Partial<OrderLine>): OrderLine {
  return {
    productId: 'p1',
    variantId: 'p1',
    name: 'Item',
    options: {},
    sku: null,
    unitPrice: 0,
    quantity: 1,
    lineTotal: 0,
    taxRate: 0,
    hsnCode: null,
    discount: 0,
    taxableValue: 0,
    tax: 0,
    ...overrides,
  };
}

/**
 * Laddoo ₹450 × 2 at 5 %, Kurta ₹1,299 at 12 %, coupon SAVE10 (10 %: ₹219.90, shared 90.00 /
 * 129.90), delivery ₹40, packaging ₹20 and COD ₹30 at the store's 18 %; prices include GST.
 */
function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'order-1',
    storeId: store.id,
    number: 1001,
    token: 'tok_abcdefghijkl',
    status: 'accepted',
    customer: {
      name: 'Asha Rao',
      phone: '+919876543210',
      email: 'asha@example.com',
      address: 'Flat 2B, 14 Lajpat Nagar, near the metro, New Delhi, Delhi',
      pincode: '110024',
      house: 'Flat 2B',
      street: '14 Lajpat Nagar',
      landmark: 'the metro',
      city: 'New Delhi',
      state: 'Delhi',
    },
    items: [
      line({ productId: 'p1', variantId: 'v1', name: 'Laddoo', options: { Weight: '500 g' }, unitPrice: 45000, quantity: 2, lineTotal: 90000, taxRate: 5, hsnCode: '1704', discount: 9000, taxableValue: 77142, tax: 3858 }),
      line({ productId: 'p2', variantId: 'p2', name: 'Cotton kurta', unitPrice: 129900, quantity: 1, lineTotal: 129900, taxRate: 12, hsnCode: '6211', discount: 12990, taxableValue: 104384, tax: 12526 }),
    ],
    subtotal: 219900,
    deliveryMethod: 'delivery',
    discount: 21990,
    coupon: { code: 'SAVE10' },
    deliveryFee: 4000,
    packagingFee: 2000,
    codFee: 3000,
    charges: [
      { kind: 'delivery', amount: 4000, taxRate: 18, taxableValue: 3390, tax: 610 },
      { kind: 'packaging', amount: 2000, taxRate: 18, taxableValue: 1694, tax: 306 },
      { kind: 'cod', amount: 3000, taxRate: 18, taxableValue: 2542, tax: 458 },
    ],
    taxTotal: 17758,
    tax: { cgst: 8879, sgst: 8879, igst: 0 },
    pricesIncludeTax: true,
    sellerGstin: gstin,
    placeOfSupply: 'Delhi',
    invoice: { number: 1, financialYear: '2026-27', issuedAt: '2026-04-03T05:00:00.000Z' },
    total: 206910,
    currency: 'INR',
    paymentMethod: 'cod',
    payment: { method: 'cod', status: 'pending', reference: null, updatedAt: '2026-04-02T20:00:00.000Z' },
    note: null,
    idempotencyKey: null,
    idempotencyFingerprint: null,
    customerErasedAt: null,
    history: [],
    // 01:30 in Delhi on 3 April: the dates are the store's calendar days, not UTC's.
    createdAt: '2026-04-02T20:00:00.000Z',
    updatedAt: '2026-04-03T05:00:00.000Z',
    ...overrides,
  };
}

/** Inter-state: the same order delivered to Karnataka, all of its GST as IGST. */
function interState(): Order {
  const base = order();
  return order({
    customer: { ...base.customer, house: '12', street: 'MG Road', landmark: null, city: 'Bengaluru', state: 'Karnataka', pincode: '560001' },
    placeOfSupply: 'Karnataka',
    tax: { cgst: 0, sgst: 0, igst: 17758 },
  });
}

const standardFontDataUrl = fileURLToPath(new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

/** Every page's text, items joined by spaces, whitespace collapsed. */
async function pdfTextOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: parts.join(' ').replace(/\s+/g, ' '), pages };
}

function data(o: Order): InvoiceData {
  const d = invoiceData(o, store);
  if (!d) throw new Error('expected an invoice');
  return d;
}

t.test('no invoice before acceptance: null, and requireInvoice says why', async (t) => {
  t.equal(invoiceData(order({ invoice: null, status: 'pending' }), store), null);
  t.throws(() => requireInvoice(order({ invoice: null }), store), NotFoundError);
  t.throws(() => requireInvoice(order({ invoice: null }), store), { message: noInvoiceYet });
});

t.test('intra-state: seller, buyer, place of supply, rows split into CGST and SGST', async (t) => {
  const d = data(order());
  t.equal(d.title, 'Tax Invoice');
  t.equal(d.number, '2026-27/1');
  t.equal(d.fileName, 'invoice-2026-27-1.pdf');
  t.equal(d.issuedOn, '3 Apr 2026');
  t.equal(d.orderedOn, '3 Apr 2026', 'placed at 01:30 in Delhi, 2 April in UTC');
  t.same(d.seller, { name: 'Chandni Sweets', addressLines: ['Shop 4, Chandni Chowk', 'Delhi 110006'], phone: '+919811111111', email: null, gstin, state: 'Delhi (07)' });
  t.same(d.buyer.addressLines, ['Flat 2B', '14 Lajpat Nagar', 'Near the metro', 'New Delhi, Delhi 110024']);
  t.equal(d.buyer.state, 'Delhi (07)');
  t.equal(d.placeOfSupply, 'Delhi (07)');
  t.equal(d.supply, 'intra');
  t.same(
    d.lines.map((l) => [l.description, l.hsnCode, l.quantity, l.unitPrice, l.discount, l.taxableValue, l.cgst, l.sgst, l.igst, l.amount]),
    [
      ['Laddoo (Weight: 500 g)', '1704', 2, 45000, 9000, 77142, 1929, 1929, 0, 81000],
      ['Cotton kurta', '6211', 1, 129900, 12990, 104384, 6263, 6263, 0, 116910],
    ],
  );
  t.same(
    d.charges.map((c) => [c.kind, c.description, c.taxableValue, c.cgst, c.sgst, c.amount]),
    [
      ['delivery', 'Delivery charge', 3390, 305, 305, 4000],
      ['packaging', 'Packaging charge', 1694, 153, 153, 2000],
      ['cod', 'Cash on delivery fee', 2542, 229, 229, 3000],
    ],
  );
  t.equal(d.couponCode, 'SAVE10');
  t.equal(d.discount, 21990);
  t.equal(d.cgst, 8879);
  t.equal(d.sgst, 8879);
  t.equal(d.igst, 0);
  t.equal(d.cgst + d.sgst, d.taxTotal, 'the rows add up to the order’s tax');
  t.equal(d.taxableValue + d.taxTotal, d.total, 'taxable value and GST add up to the total');
  t.equal(d.itemsSubtotal - d.discount + d.charges.reduce((s, c) => s + c.gross, 0), d.total, 'with prices including GST, items less discount plus charges is the total');
  t.equal(d.totalInWords, amountInWords(206910, 'INR'));
  t.match(d.totalInWords, /^Rupees Two Thousand Sixty Nine and Ten Paise Only$/);
  t.equal(d.taxNote, 'Prices include GST');
});

t.test('inter-state: IGST only, the place of supply is the customer’s state', async (t) => {
  const d = data(interState());
  t.equal(d.supply, 'inter');
  t.equal(d.placeOfSupply, 'Karnataka (29)');
  t.same(d.lines.map((l) => [l.cgst, l.sgst, l.igst]), [[0, 0, 3858], [0, 0, 12526]]);
  t.equal(d.igst, 17758);
  t.equal(d.cgst + d.sgst, 0);
});

t.test('a store without GST: a plain invoice, no tax', async (t) => {
  const d = data(
    order({
      sellerGstin: null,
      tax: { cgst: 0, sgst: 0, igst: 0 },
      taxTotal: 0,
      items: order().items.map((l) => ({ ...l, taxRate: 0, tax: 0, taxableValue: l.lineTotal - l.discount })),
      charges: order().charges.map((c) => ({ ...c, taxRate: 0, tax: 0, taxableValue: c.amount })),
    }),
  );
  t.equal(d.title, 'Invoice');
  t.equal(d.supply, 'none');
  t.equal(d.taxNote, null);
  t.equal(d.seller.gstin, null);
  t.equal(d.seller.state, 'Delhi (07)', 'the store’s own state');
});

t.test('prices without GST: the tax is added to the total', async (t) => {
  // ₹1,000 at 18 % on top: 90.00 + 90.00.
  const d = data(
    order({
      items: [line({ name: 'Tea', unitPrice: 100000, lineTotal: 100000, taxRate: 18, hsnCode: '0902', taxableValue: 100000, tax: 18000 })],
      subtotal: 100000,
      discount: 0,
      coupon: null,
      charges: [],
      deliveryFee: 0,
      packagingFee: 0,
      codFee: 0,
      taxTotal: 18000,
      tax: { cgst: 9000, sgst: 9000, igst: 0 },
      pricesIncludeTax: false,
      total: 118000,
    }),
  );
  t.equal(d.taxNote, 'GST is added to the prices shown');
  t.equal(d.lines[0]?.amount, 118000);
  t.equal(d.itemsSubtotal + d.taxTotal, d.total);
  const { text } = await pdfTextOf(await invoicePdf(d));
  t.match(text, /GST added Rs\. 180\.00/);
  t.match(text, /Grand total Rs\. 1,180\.00/);
  t.notMatch(text, /Discount/, 'no discount column or line without a coupon');
});

t.test('an erased customer: the placeholder, nothing of theirs, the figures kept', async (t) => {
  const erased = order({
    customerErasedAt: '2026-05-01T00:00:00.000Z',
    customer: { name: '', phone: '', email: null, address: '', pincode: '', house: null, street: null, landmark: null, city: null, state: null },
  });
  const d = data(erased);
  t.equal(d.buyerErased, true);
  t.same(d.buyer, { name: erasedBuyerName, addressLines: [], phone: null, email: null, gstin: null, state: null });
  t.equal(d.total, 206910);
  // Even if a copy of the old details were still on the order, none of it is printed.
  const leaky = data(order({ customerErasedAt: '2026-05-01T00:00:00.000Z' }));
  const { text } = await pdfTextOf(await invoicePdf(leaky));
  t.notMatch(text, /Asha|Lajpat|98765/);
  t.match(text, erasedBuyerName);
});

t.test('a legacy one-line address is printed as it was given', async (t) => {
  const base = order();
  const d = data(order({ customer: { ...base.customer, address: '12 MG Road, Bengaluru', pincode: '560001', house: null, street: null, landmark: null, city: null, state: null } }));
  t.same(d.buyer.addressLines, ['12 MG Road, Bengaluru', '560001']);
  t.equal(d.buyer.state, null);
});

t.test('the PDF reads back: seller GSTIN, number, HSN codes, CGST/SGST, total and words', async (t) => {
  const pdf = await invoicePdf(data(order()));
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  t.ok(pdf.length < 20_000, `small: ${pdf.length} bytes, no font embedded`);
  const { text, pages } = await pdfTextOf(pdf);
  t.equal(pages, 1);
  t.match(text, 'Tax Invoice');
  t.match(text, 'Invoice no. 2026-27/1');
  t.match(text, 'Date: 3 Apr 2026');
  t.match(text, `GSTIN: ${gstin}`);
  t.match(text, 'State: Delhi (07)');
  t.match(text, 'Chandni Sweets');
  t.match(text, 'Asha Rao');
  t.match(text, 'Phone: +919876543210');
  t.match(text, 'Place of supply: Delhi (07)');
  t.match(text, /\b1704\b/);
  t.match(text, /\b6211\b/);
  t.match(text, 'Laddoo (Weight: 500 g)');
  t.match(text, 'Delivery charge');
  t.match(text, 'Packaging charge');
  t.match(text, 'Cash on delivery fee');
  t.match(text, /CGST.*SGST/);
  t.match(text, /19\.29 19\.29/, 'the laddoo line’s CGST and SGST');
  t.match(text, 'CGST Rs. 88.79, SGST Rs. 88.79');
  t.match(text, 'Discount (coupon SAVE10) -Rs. 219.90');
  t.match(text, 'Grand total Rs. 2,069.10');
  t.match(text, 'Total in words: Rupees Two Thousand Sixty Nine and Ten Paise Only');
  t.match(text, 'Prices include GST');
  t.notMatch(text, /IGST/);
});

t.test('the inter-state PDF shows IGST, not CGST/SGST', async (t) => {
  const { text } = await pdfTextOf(await invoicePdf(data(interState())));
  t.match(text, 'IGST Rs. 177.58');
  t.match(text, 'Place of supply: Karnataka (29)');
  t.notMatch(text, /CGST|SGST/);
});

t.test('the PDF is deterministic: dated from the invoice, not from now', async (t) => {
  const d = data(order());
  const first = await invoicePdf(d);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await invoicePdf(d);
  t.ok(first.equals(second), 'same bytes a second later');
  const doc = await getDocument({ data: new Uint8Array(first), standardFontDataUrl, verbosity: 0 }).promise;
  const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
  t.equal(info['CreationDate'], 'D:20260403050000Z');
  t.equal(info['Title'], 'Tax Invoice 2026-27/1');
  await doc.destroy();
});

t.test('text Helvetica cannot draw: ₹ as Rs., the rest as ?', async (t) => {
  t.equal(pdfText('₹1,299.00'), 'Rs. 1,299.00');
  t.equal(pdfText('Café – “ok” €5'), 'Café – “ok” €5', 'WinAnsi has these');
  t.equal(pdfText('लड्डू'), '???', 'Devanagari: one ? per character, its vowel signs dropped');
  t.equal(pdfText('Tea 🍵'), 'Tea ?');
  const d = data(order({ items: [line({ name: 'मोतीचूर लड्डू', unitPrice: 100, lineTotal: 100, taxRate: 0, taxableValue: 100 })] }));
  const { text } = await pdfTextOf(await invoicePdf(d));
  t.match(text, /\?+ \?+/, 'the name as question marks, not missing glyphs');
});

t.test('a long order flows onto more pages with the column titles again', async (t) => {
  const many = Array.from({ length: 60 }, (_, i) => line({ productId: `p${i}`, variantId: `p${i}`, name: `Item number ${i + 1}`, unitPrice: 1000, lineTotal: 1000, taxRate: 0, taxableValue: 1000, hsnCode: '1704' }));
  const d = data(order({ items: many }));
  const { text, pages } = await pdfTextOf(await invoicePdf(d));
  t.ok(pages >= 2, `${pages} pages`);
  t.match(text, 'Item number 60');
  t.ok((text.match(/Taxable/g) ?? []).length >= 2, 'titles repeated');
});
