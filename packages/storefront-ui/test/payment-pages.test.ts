// Payments on the pages: the customer's UPI box (QR code, pay link, UPI ID) and the paid and
// refunded notes, the checkout's choice of method, the vendor's payment panel and forms, the
// order list's payment filter and badges, and the settings' payment fields.
import t from 'tap';
import { renderPage } from '../src/index.js';
import { attrValues, controls, forms, isLabelled, islandScript, tagWithId } from './fixtures/html.js';
import { ctx, order, store, storeSettings, vendorCtx } from './fixtures/pages.js';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 27 27" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h27v27H0z"/><path stroke="#000000" d="M1 1.5h7"/></svg>';
const uri = 'upi://pay?pa=chai%40okaxis&pn=Chai%20Corner&am=1348.00&cu=INR&tn=Order%20%231001';
const upi = { uri, qrSvg: svg, upiId: 'chai@okaxis' };
const upiOrder = (over: Parameters<typeof order>[0] = {}) => order({ paymentMethod: 'upi', payment: { method: 'upi', status: 'pending' }, ...over });
const tracking = { storeName: 'Chai Corner', trackingUrl: 'https://shop.example.com/chai-corner/orders/tok_abc123' };

t.test('customer: a UPI order to pay shows the amount, the QR code as inline SVG, the pay link and the UPI ID', async (t) => {
  const html = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder(), justPlaced: true, upi } });
  t.match(html, '<h2 id="upi-pay-title">Pay ₹1,348.00 by UPI</h2>');
  t.match(html, `<div class="upi-qr" role="img" aria-label="QR code to pay ₹1,348.00 to Chai Corner by UPI">${svg}</div>`, 'the SVG as markup, not escaped');
  t.ok(attrValues(html, 'href').includes(uri), 'the button links to the upi:// URI, unchanged');
  t.match(html, />Pay with UPI app<\/a>/);
  t.match(html, 'Scan this code with any UPI app on your phone');
  t.match(html, 'UPI ID: <code>chai@okaxis</code>');
  t.notMatch(html, 'cash on delivery', 'no cash asked for');
  t.notMatch(html, /<script(?! type="application\/json" data-island="copy-link")(?! type="module")/, 'no script draws the code: it is drawn on the server (the only island is the link to share)');
});

t.test('customer: paid, refunded, stopped, or nothing from the server: no QR code', async (t) => {
  const paid = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder({ payment: { method: 'upi', status: 'paid' } }), justPlaced: false, upi } });
  t.match(paid, '<span class="pay pay-paid">Paid</span> ₹1,348.00 by UPI. Thank you!');
  t.notMatch(paid, 'upi-qr', 'a paid order shows no code even if one is passed');
  const refunded = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder({ status: 'cancelled', payment: { method: 'upi', status: 'refunded' } }), justPlaced: false, upi } });
  t.match(refunded, '<span class="pay pay-refunded">Refunded</span> Chai Corner has refunded ₹1,348.00 for this order.');
  for (const status of ['rejected', 'cancelled', 'returned'] as const) {
    const stopped = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder({ status }), justPlaced: false, upi } });
    t.notMatch(stopped, 'upi-qr', `${status}: no code`);
    t.notMatch(stopped, 'Pay with UPI', `${status}: no pay button`);
    t.notMatch(stopped, 'pay-note', `${status}: nothing asked for`);
  }
  const none = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder(), justPlaced: false, upi: null } });
  t.match(none, 'Payment: ₹1,348.00 by UPI. Chai Corner will tell you how to pay.', 'without a URI (the store removed its UPI ID)');
  const evil = renderPage({ page: 'order', props: { ctx: ctx(), store, order: upiOrder(), justPlaced: false, upi: { ...upi, qrSvg: '<img src=x onerror=alert(1)>' } } });
  t.notMatch(evil, '<img src=x', 'anything but a plain SVG is never put in as markup');
  t.match(evil, 'Pay with UPI app', 'the link still works');
});

t.test('customer: cash on delivery asks for cash only while the order is on its way; paid once delivered', async (t) => {
  const open = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'shipped' }), justPlaced: false } });
  t.match(open, 'Please keep ₹1,348.00 ready to pay in cash when your order arrives.');
  t.notMatch(open, 'upi-qr');
  const delivered = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status: 'delivered', payment: { method: 'cod', status: 'paid' } }), justPlaced: false } });
  t.match(delivered, 'Paid</span> ₹1,348.00 by Cash on delivery. Thank you!');
  t.notMatch(delivered, 'ready');
  for (const status of ['rejected', 'cancelled', 'returned'] as const) {
    const html = renderPage({ page: 'order', props: { ctx: ctx(), store, order: order({ status }), justPlaced: false } });
    t.notMatch(html, 'keep', `${status}: no cash to keep ready`);
  }
});

t.test('checkout: a radio per method when the store offers both; one hidden method otherwise', async (t) => {
  const lines = [{ productId: 'prod-1', variantId: 'prod-1', options: {}, name: 'Masala Chai', price: 49900, quantity: 1, image: null, maxQuantity: 5 }];
  const both = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, paymentMethods: ['cod', 'upi'] }, lines, idempotencyKey: 'k' } });
  const form = forms(both).find((f) => f.includes('id="checkout-form"')) ?? '';
  t.match(form, '<legend>Payment</legend>');
  t.match(form, /<input type="radio" name="paymentMethod" value="cod" checked\/> Cash on delivery/, 'cash on delivery chosen by default');
  t.match(form, /<input type="radio" name="paymentMethod" value="upi"\/> UPI/);
  for (const control of controls(form)) t.ok(isLabelled(form, control), `labelled: ${control}`);
  t.same(JSON.parse(islandScript(both, 'checkout') ?? '{}').paymentMethods, ['cod', 'upi'], 'the island gets the methods');
  const again = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, paymentMethods: ['cod', 'upi'] }, lines, idempotencyKey: 'k', values: { paymentMethod: 'upi' }, errors: { paymentMethod: 'This store does not take UPI payments' } } });
  t.match(again, /value="upi" checked/, 'the choice is kept after a refused submit');
  t.match(again, '<p class="field-error" id="checkout-paymentMethod-error">The shop no longer takes this way to pay. Choose another.</p>', 'said for a person, not as the rule');

  const upiOnly = renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, paymentMethods: ['upi'] }, lines, idempotencyKey: 'k' } });
  t.match(upiOnly, '<input type="hidden" name="paymentMethod" value="upi"/>');
  t.notMatch(upiOnly, 'type="radio"', 'no choice to make');
  t.match(upiOnly, '<strong>Payment:</strong> UPI.');
  const changed = renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines, idempotencyKey: 'k', values: { paymentMethod: 'upi' }, errors: { paymentMethod: 'This store does not take UPI payments' } } });
  t.match(changed, '<input type="hidden" name="paymentMethod" value="cod"/>', 'the method the store offers now');
  t.match(changed, '<p class="field-error" id="checkout-paymentMethod-error">The shop no longer takes this way to pay. Choose another.</p>', 'and why the other was refused');
  const codOnly = renderPage({ page: 'checkout', props: { ctx: ctx(), store, lines, idempotencyKey: 'k' } });
  t.match(codOnly, '<input type="hidden" name="paymentMethod" value="cod"/>');
  t.notMatch(codOnly, 'type="radio"');
});

t.test('vendor order: the payment panel, "Mark paid" with a reference for a pending payment', async (t) => {
  const html = renderPage({ page: 'order-detail', props: { ctx: vendorCtx({ csrfToken: 'crumb-1' }), order: upiOrder(), nextStatuses: ['accepted'], ...tracking } });
  t.match(html, '<h2 id="payment-title">Payment</h2>');
  t.match(html, '<span class="pay pay-pending">Not paid</span> ₹1,348.00 by UPI');
  const pay = forms(html).find((f) => f.includes('/payment')) ?? '';
  t.match(pay, '<form method="post" action="/dashboard/orders/ord-1/payment" class="payment-form">');
  t.match(pay, '<input type="hidden" name="crumb" value="crumb-1"/>', 'CSRF-protected');
  t.match(pay, '<input type="hidden" name="status" value="paid"/>');
  t.match(pay, '<label for="payment-paid-reference">UPI transaction id<span class="optional"> (optional)</span></label>');
  t.match(tagWithId(pay, 'payment-paid-reference') ?? '', 'maxlength="100"');
  t.match(pay, '>Mark paid</button>');
  t.notMatch(html, 'Mark refunded', 'nothing to refund before it is paid');
  t.equal(forms(html).filter((f) => f.includes('/payment')).length, 1);
});

t.test('vendor order: paid shows the reference; "Mark refunded" only once a paid order stopped', async (t) => {
  const paid = { method: 'upi' as const, status: 'paid' as const, reference: 'UTR 4242<b>' };
  const open = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: upiOrder({ status: 'shipped', payment: paid }), nextStatuses: ['delivered'], ...tracking } });
  t.match(open, 'Reference <code>UTR 4242&lt;b></code>', 'the reference, escaped');
  t.notMatch(open, 'Mark paid');
  t.notMatch(open, 'Mark refunded', 'an order on its way is not refunded');
  const cancelled = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: upiOrder({ status: 'cancelled', payment: paid }), nextStatuses: [], ...tracking } });
  const refund = forms(cancelled).find((f) => f.includes('/payment')) ?? '';
  t.match(refund, '<input type="hidden" name="status" value="refunded"/>');
  t.match(refund, '>Mark refunded</button>');
  const refunded = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: upiOrder({ status: 'cancelled', payment: { ...paid, status: 'refunded' } }), nextStatuses: [], ...tracking } });
  t.match(refunded, '<span class="pay pay-refunded">Refunded</span>');
  t.equal(forms(refunded).filter((f) => f.includes('/payment')).length, 0, 'nothing left to do');
  const codRejected = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: order({ status: 'rejected' }), nextStatuses: [], ...tracking } });
  t.notMatch(codRejected, 'Mark paid', 'no cash comes for a rejected cash order');
});

t.test('vendor order: a refused payment change shows the reason beside the field, what was typed kept', async (t) => {
  const long = 'x'.repeat(120);
  const html = renderPage({
    page: 'order-detail',
    props: { ctx: vendorCtx(), order: upiOrder(), nextStatuses: [], ...tracking, paymentForm: { status: 'paid', reference: long, errors: { reference: 'Reference must be at most 100 characters' } } },
  });
  t.match(tagWithId(html, 'payment-paid-reference') ?? '', 'aria-invalid="true"');
  t.match(tagWithId(html, 'payment-paid-reference') ?? '', `value="${long}"`);
  t.match(html, '<p class="field-error" id="payment-paid-reference-error">Reference must be at most 100 characters</p>');
  const conflict = renderPage({ page: 'order-detail', props: { ctx: vendorCtx(), order: upiOrder(), nextStatuses: [], ...tracking, paymentForm: { status: 'paid', reference: '', errors: { form: 'This payment is already paid' } } } });
  t.match(conflict, '<p class="alert alert-error" role="alert">This payment is already paid</p>');
});

t.test('orders list: a payment filter beside the status tabs, kept by every link; a badge per order', async (t) => {
  const filters = { q: '', from: '', to: '', paymentStatus: 'pending' as const };
  const html = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [upiOrder(), order({ id: 'ord-2', number: 1002, payment: { method: 'cod', status: 'paid' } })], status: 'accepted', filters, nextCursor: 'n1' } });
  const search = forms(html).find((f) => f.includes('role="search"')) ?? '';
  t.match(search, '<label for="orders-filter-paymentStatus">Payment</label>');
  t.match(search, /<select name="paymentStatus" id="orders-filter-paymentStatus">/);
  t.match(search, '<option value="pending" selected>Not paid</option>');
  t.match(search, '<option value>Any payment</option>', 'an empty value: no filter');
  const hrefs = attrValues(html, 'href');
  t.ok(hrefs.includes('/api/v1/orders/export?status=accepted&paymentStatus=pending'), 'the export gets the payment filter');
  t.ok(hrefs.includes('/dashboard/orders?paymentStatus=pending'), 'the All tab keeps it');
  t.ok(hrefs.includes('/dashboard/orders?status=accepted&paymentStatus=pending&cursor=n1'), 'the next page keeps it');
  t.match(search, '<a class="btn btn-secondary" href="/dashboard/orders?status=accepted">Clear</a>');
  t.match(html, '<span class="pay pay-pending">Not paid</span>');
  t.match(html, '<span class="pay pay-paid">Paid</span>');
  const none = renderPage({ page: 'orders', props: { ctx: vendorCtx(), orders: [], status: null, filters, nextCursor: null } });
  t.match(none, 'No orders match.');
});

t.test('settings: payment methods as boxes, the UPI ID, the time zone, the new-order email switch', async (t) => {
  const html = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: { ...storeSettings, upiId: 'chai@okaxis', paymentMethods: ['cod', 'upi'], newOrderEmails: false } } });
  t.match(tagWithId(html, 'settings-paymentMethods-cod') ?? '', /type="checkbox" name="paymentMethods" value="cod"[^>]* checked/);
  t.match(tagWithId(html, 'settings-paymentMethods-upi') ?? '', /value="upi"[^>]* checked/);
  t.match(html, '<legend>Payment methods</legend>');
  t.match(html, '<input type="hidden" name="paymentFields" value="1"/>', 'says the payment fields were on the form');
  t.match(tagWithId(html, 'settings-upiId') ?? '', 'value="chai@okaxis"');
  t.match(html, '<option value="Asia/Kolkata" selected>India (Asia/Kolkata)</option>');
  t.notMatch(tagWithId(html, 'settings-newOrderEmails') ?? '', 'checked');
  t.match(html, '<label for="settings-newOrderEmails">Email me for each new order</label>');
  const form = forms(html)[0] ?? '';
  for (const control of controls(form)) t.ok(isLabelled(html, control), `labelled: ${control}`);

  const odd = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: { ...storeSettings, timeZone: 'Africa/Nairobi' } } });
  t.match(odd, '<option value="Africa/Nairobi" selected>Africa/Nairobi</option>', 'a zone not in the list is added');

  const refused = renderPage({
    page: 'settings',
    props: { ctx: vendorCtx(), store: storeSettings, values: { upiId: '', paymentMethods: ['upi'] }, errors: { upiId: 'Add your UPI ID to take UPI payments' } },
  });
  t.match(tagWithId(refused, 'settings-upiId') ?? '', 'aria-invalid="true"');
  t.match(refused, '<p class="field-error" id="settings-upiId-error">Add your UPI ID to take UPI payments</p>');
  t.match(refused, /<a href="#settings-upiId">[^<]+<\/a>/, 'and the summary links to it');
  t.match(tagWithId(refused, 'settings-paymentMethods-upi') ?? '', 'checked', 'the boxes as ticked');
  t.notMatch(tagWithId(refused, 'settings-paymentMethods-cod') ?? '', 'checked');
  const none = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: storeSettings, values: { paymentMethods: [] }, errors: { paymentMethods: 'Offer at least one payment method' } } });
  t.match(none, '<p class="field-error" id="settings-paymentMethods-error">Offer at least one payment method</p>');
  t.match(tagWithId(none, 'settings-paymentMethods') ?? '', 'aria-describedby="settings-paymentMethods-error"');
});

t.test('vendor order: a refused move whose form is gone (already paid) still shows why', async (t) => {
  const paid = { method: 'upi' as const, status: 'paid' as const, reference: null };
  const html = renderPage({
    page: 'order-detail',
    props: { ctx: vendorCtx(), order: upiOrder({ payment: paid }), nextStatuses: [], ...tracking, paymentForm: { status: 'paid', reference: '', errors: { form: 'This order is already paid' } } },
  });
  t.match(html, '<h2 id="payment-title">Payment</h2><p class="alert alert-error" role="alert">This order is already paid</p>');
  const early = renderPage({
    page: 'order-detail',
    props: { ctx: vendorCtx(), order: upiOrder({ status: 'shipped', payment: paid }), nextStatuses: [], ...tracking, paymentForm: { status: 'refunded', reference: 'RF', errors: { form: 'Only a cancelled, rejected or returned order can be refunded' } } },
  });
  t.match(early, 'role="alert">Only a cancelled, rejected or returned order can be refunded</p>');
});
