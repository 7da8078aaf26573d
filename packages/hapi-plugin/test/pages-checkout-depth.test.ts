// Checkout depth without JavaScript (issue 13): an INR store asks for the address in parts, the
// coupon field applies a code by re-rendering the page (everything typed kept), refusals show
// beside their fields, pickup drops the delivery fee, and the GST and extra charges are named
// lines whose total is the order's.
import { gstinCheckChar, indianStates } from '@dukaan-kit/core';
import { formatMoney, priceCart, type CartChoices, type PricingRules } from '@dukaan-kit/core/pricing';
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, type PageResponse } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

/** A GSTIN registered in Karnataka (29) with its check character. */
const gstin = `29ABCDE1234F1Z${gstinCheckChar('29ABCDE1234F1Z')}`;

const buyer = { name: 'Asha Rao', phone: '9876543210', email: '' };
const bengaluru = { house: 'Flat 4B, Lake View Apartments', street: '80 Feet Road, Koramangala', landmark: 'Near Forum Mall', city: 'Bengaluru', state: 'Karnataka', pincode: '560034' };

/** The store's checkout rules the tests set: 18% GST on top of prices, ₹40 delivery, ₹20 packaging. */
const settings = {
  gstin,
  defaultTaxRate: 18,
  pricesIncludeTax: false,
  deliveryFee: 4000,
  freeDeliveryAbove: null,
  minOrderValue: 0,
  packagingFee: { type: 'flat', value: 2000 },
};
const rules: PricingRules = {
  deliveryFee: 4000,
  freeDeliveryAbove: null,
  minOrderValue: 0,
  packagingFee: { type: 'flat', value: 2000 },
  codFee: null,
  tax: { pricesIncludeTax: false, defaultTaxRate: 18 },
};
const chaiPrice = 50000;
const save10 = { code: 'SAVE10', type: 'percent' as const, value: 10, minOrderValue: 0, maxDiscount: null };

/** What the page should charge for two units of chai under `rules`, with these choices. */
function expected(choices: CartChoices = {}, over: Partial<PricingRules> = {}) {
  return priceCart([{ unitPrice: chaiPrice, quantity: 2, taxRate: null }], { ...rules, ...over }, { paymentMethod: 'cod', ...choices });
}

/** A hidden field's value in a page. */
function hidden(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden"(?: form="[^"]*")? name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

/** The figure a totals row shows (`data-<name>`). */
function figure(html: string, name: string): string | undefined {
  return new RegExp(`<dd data-${name}="true">([^<]*)</dd>`).exec(html)?.[1];
}

/** The form fields a browser would send back from this checkout page besides what is typed. */
function pageFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['idempotencyKey', 'pricedFor', 'appliedCoupon', 'paymentMethod', 'deliveryMethod']) {
    const value = hidden(html, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const money = (n: number) => formatMoney(n, 'INR');

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    const shop = async (over: Record<string, unknown> = {}) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const saved = await api.patch('/api/v1/store', { ...settings, ...over });
      if (saved.statusCode !== 200) throw new Error(`settings failed: ${saved.payload}`);
      const chai = await api.product({ name: 'Masala Chai', price: chaiPrice, stock: 10 });
      const slug = vendor.store.slug;
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '2', action: 'add' });
      const page = await browser.get(`/${slug}/checkout`);
      /** Posts the checkout form as the last page shows it, with `fields` typed (or overriding). */
      const submit = (fields: Record<string, string>) => browser.post(`/${slug}/checkout`, { ...pageFields(browser.last?.payload ?? ''), ...fields });
      const orders = async () => json(await api.get('/api/v1/orders')).items as Array<Record<string, any>>;
      return { vendor, api, chai, slug, browser, page, submit, orders };
    };

    t.test('an INR store asks for the address in parts and names every charge; the order is the total shown', async (t) => {
      const { page, submit, orders } = await shop();
      t.equal(page.statusCode, 200);
      const html = page.payload;
      for (const [name, label] of [
        ['house', 'House or flat'],
        ['street', 'Street or area'],
        ['landmark', 'Landmark'],
        ['city', 'City or town'],
        ['state', 'State or union territory'],
        ['pincode', 'PIN code'],
      ]) {
        t.match(html, `<label for="checkout-${name}">${label}`, `${name} has its label`);
      }
      t.notMatch(html, 'name="address"', 'no free-form address in a rupee store');
      const options = [...html.matchAll(/<select name="state"[\s\S]*?<\/select>/g)][0]?.[0] ?? '';
      t.equal([...options.matchAll(/<option value="[^"]+"/g)].length, indianStates.length, 'the 36 states and union territories');
      t.match(options, /<option value="Karnataka" selected/, "the store's state is chosen");

      const want = expected();
      t.equal(figure(html, 'subtotal'), money(want.subtotal));
      t.equal(figure(html, 'delivery'), money(4000));
      t.equal(figure(html, 'packaging'), money(2000));
      t.equal(figure(html, 'tax'), money(want.taxTotal), 'GST added on top, as one line');
      t.equal(figure(html, 'total'), money(want.total));
      t.equal(hidden(html, 'expectedTotal'), String(want.total));

      const placed = await submit({ ...buyer, ...bengaluru, state: 'karnataka' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 400));
      const [order] = await orders();
      t.match(order, {
        total: want.total,
        taxTotal: want.taxTotal,
        packagingFee: 2000,
        deliveryFee: 4000,
        deliveryMethod: 'delivery',
        placeOfSupply: 'Karnataka',
        customer: { house: bengaluru.house, street: bengaluru.street, landmark: bengaluru.landmark, city: 'Bengaluru', state: 'Karnataka', pincode: '560034', phone: '+919876543210' },
      });
      t.equal(order?.tax.cgst + order?.tax.sgst, want.taxTotal, 'intra-state: CGST + SGST');
    });

    t.test('a missing address part is named beside its field, everything typed kept', async (t) => {
      const { submit, orders } = await shop();
      const refused = await submit({ ...buyer, ...bengaluru, city: '' });
      t.equal(refused.statusCode, 400);
      t.match(refused.payload, /id="checkout-city-error"/);
      t.match(refused.payload, `value="${bengaluru.house}"`, 'the house kept');
      t.equal((await orders()).length, 0);
    });

    t.test('Apply re-renders the page priced with the coupon, keeping what was typed; the order gets the discount', async (t) => {
      const { api, submit, orders } = await shop();
      t.equal((await api.post('/api/v1/coupons', { code: 'SAVE10', type: 'percent', value: 10 })).statusCode, 201);
      const applied = await submit({ ...buyer, ...bengaluru, couponCode: 'save10', intent: 'apply-coupon' });
      t.equal(applied.statusCode, 200);
      const want = expected({ coupon: save10 });
      t.match(applied.payload, 'Coupon SAVE10 applied');
      t.match(applied.payload, '<dt>Discount (SAVE10)</dt>');
      t.equal(figure(applied.payload, 'discount'), `−${money(want.discount)}`, 'a negative amount');
      t.equal(figure(applied.payload, 'total'), money(want.total));
      t.equal(hidden(applied.payload, 'expectedTotal'), String(want.total));
      t.equal(hidden(applied.payload, 'appliedCoupon'), 'SAVE10');
      t.match(applied.payload, `value="${bengaluru.street}"`, 'the street kept');
      t.match(applied.payload, 'value="Asha Rao"', 'the name kept');
      t.equal((await orders()).length, 0, 'Apply places nothing');

      const placed = await submit({ ...buyer, ...bengaluru, couponCode: 'SAVE10' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 400));
      const [order] = await orders();
      t.match(order, { discount: want.discount, coupon: { code: 'SAVE10' }, total: want.total });
    });

    t.test('Remove takes the coupon off; a code typed but not applied is applied first, not ordered', async (t) => {
      const { api, submit, orders } = await shop();
      await api.post('/api/v1/coupons', { code: 'SAVE10', type: 'percent', value: 10 });
      const typedOnly = await submit({ ...buyer, ...bengaluru, couponCode: 'SAVE10' });
      t.equal(typedOnly.statusCode, 200, 'the page again, priced with the code');
      t.equal(hidden(typedOnly.payload, 'appliedCoupon'), 'SAVE10');
      t.equal((await orders()).length, 0);
      const removed = await submit({ ...buyer, ...bengaluru, couponCode: 'SAVE10', intent: 'remove-coupon' });
      t.equal(removed.statusCode, 200);
      t.notMatch(removed.payload, 'data-discount');
      t.equal(hidden(removed.payload, 'expectedTotal'), String(expected().total));
    });

    t.test('a code that does not apply: its reason beside the field, with and without ordering', async (t) => {
      const { api, submit, orders } = await shop();
      await api.post('/api/v1/coupons', { code: 'BIG500', type: 'flat', value: 50000, minOrderValue: 500000 });
      const below = await submit({ ...buyer, ...bengaluru, couponCode: 'BIG500', intent: 'apply-coupon' });
      t.equal(below.statusCode, 200);
      t.match(below.payload, /<p class="field-error" id="checkout-couponCode-error">[^<]+<\/p>/, 'the reason beside the coupon field');
      t.notMatch(below.payload, 'data-discount', 'no discount');
      t.match(below.payload, `value="${bengaluru.house}"`);
      const unknown = await submit({ ...buyer, ...bengaluru, couponCode: 'NOPE99', intent: 'apply-coupon' });
      t.match(unknown.payload, /id="checkout-couponCode-error"/);

      // Applied, then switched off by the vendor before the customer orders: 409 beside the field, nothing placed.
      const created = json(await api.post('/api/v1/coupons', { code: 'GONE10', type: 'percent', value: 10 }));
      const applied = await submit({ ...buyer, ...bengaluru, couponCode: 'GONE10', intent: 'apply-coupon' });
      t.equal(hidden(applied.payload, 'appliedCoupon'), 'GONE10');
      await api.patch(`/api/v1/coupons/${created.id ?? created.coupon?.id}`, { active: false });
      const refused = await submit({ ...buyer, ...bengaluru, couponCode: 'GONE10' });
      t.equal(refused.statusCode, 409);
      t.match(refused.payload, /id="checkout-couponCode-error"/);
      t.equal((await orders()).length, 0);
    });

    t.test('pickup: the pickup address shown, the address optional, no delivery fee', async (t) => {
      const { page, submit, orders } = await shop({ deliveryMethods: ['delivery', 'pickup'], pickupAddress: 'Shop 3, Church Street, Bengaluru' });
      t.match(page.payload, 'Collect your order from Shop 3, Church Street, Bengaluru.');
      t.match(page.payload, /<input type="radio" name="deliveryMethod" value="pickup"/);
      t.notMatch(page.payload, /name="house"[^>]*required/, 'without JavaScript the address stays, optional');
      // The page priced delivery; choosing pickup changes the total, so it is shown before it is charged.
      const changed = await submit({ ...buyer, deliveryMethod: 'pickup' });
      t.equal(changed.statusCode, 409);
      t.match(changed.payload, 'Your total changed with the delivery or payment you chose');
      const want = expected({ deliveryMethod: 'pickup' });
      t.equal(hidden(changed.payload, 'expectedTotal'), String(want.total));
      t.equal(figure(changed.payload, 'delivery'), 'Free');
      const placed = await submit({ ...buyer, deliveryMethod: 'pickup' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 400));
      const [order] = await orders();
      t.match(order, { deliveryMethod: 'pickup', deliveryFee: 0, total: want.total });
    });

    t.test('an address outside the service area: NOT_SERVICEABLE beside the pincode', async (t) => {
      const { submit, orders } = await shop({ serviceArea: { type: 'prefixes', values: ['560'] } });
      const refused = await submit({ ...buyer, ...bengaluru, city: 'New Delhi', state: 'Delhi', pincode: '110001' });
      t.equal(refused.statusCode, 409);
      t.match(refused.payload, /<p class="field-error" id="checkout-pincode-error">[^<]+<\/p>/);
      t.match(refused.payload, 'value="110001"', 'the pincode kept');
      t.equal((await orders()).length, 0);
    });

    t.test('GST included in prices: one "Includes GST" line, not added', async (t) => {
      const { page } = await shop({ pricesIncludeTax: true });
      const want = expected({}, { tax: { pricesIncludeTax: true, defaultTaxRate: 18 } });
      t.equal(figure(page.payload, 'tax'), undefined);
      t.match(page.payload, `Includes GST ${money(want.taxTotal)}`);
      t.equal(figure(page.payload, 'total'), money(want.total));
    });

    t.test('the old single address still places an order in an INR store (legacy `address`)', async (t) => {
      const { submit, orders } = await shop();
      const placed = await submit({ ...buyer, address: '12 MG Road, Bengaluru', pincode: '560001' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 400));
      t.equal((await orders()).length, 1);
    });

    t.test('the store page checks a pincode without JavaScript, and never caches the answer', async (t) => {
      const { slug } = await shop({ serviceArea: { type: 'prefixes', values: ['560'] }, deliveryMethods: ['delivery', 'pickup'], pickupAddress: 'Shop 3, Church Street' });
      const visitor = new Browser(server, '203.0.113.9');
      const home = await visitor.get(`/${slug}`);
      t.match(home.payload, '<label for="pincode-check">Check delivery to your pincode</label>');
      t.match(home.payload, '<li>Delivery ₹40</li>');
      const yes = await visitor.get(`/${slug}?pincode=560034`);
      t.equal(yes.statusCode, 200);
      t.match(yes.payload, /class="pincode-yes"[^>]*>[^<]*560034/);
      const no = await visitor.get(`/${slug}?pincode=110001`);
      t.match(no.payload, /class="pincode-no"[^>]*>[^<]*110001/);
      const bad = await visitor.get(`/${slug}?pincode=0123`);
      t.equal(bad.statusCode, 200);
      t.match(bad.payload, /id="pincode-check-answer" role="status" class="field-error"/);
      const again = await visitor.get(`/${slug}`);
      t.notMatch(again.payload, 'pincode-check-answer', 'the shared page carries no answer');

      const api = await server.inject({ method: 'GET', url: `/api/v1/stores/${slug}/serviceability?pincode=560034` });
      t.equal(api.statusCode, 200);
      t.match(json(api), { pincode: '560034', serviceable: true });
      t.equal(json(await server.inject({ method: 'GET', url: `/api/v1/stores/${slug}/serviceability?pincode=110001` })).serviceable, false);
      const malformed = await server.inject({ method: 'GET', url: `/api/v1/stores/${slug}/serviceability?pincode=12` });
      t.equal(malformed.statusCode, 400);
      t.equal(json(malformed).code, 'VALIDATION_FAILED');
    });

    t.test("the store page shows the current offers, and a new coupon replaces the cached page", async (t) => {
      const { api, slug } = await shop();
      const visitor = new Browser(server, '203.0.113.10');
      const before = await visitor.get(`/${slug}`);
      t.notMatch(before.payload, 'id="offers-title"', 'no offers, no strip');
      t.equal((await api.post('/api/v1/coupons', { code: 'DIWALI15', type: 'percent', value: 15, minOrderValue: 50000 })).statusCode, 201);
      const after = await visitor.get(`/${slug}`);
      t.match(after.payload, '<h2 id="offers-title" class="offers-title">Offers</h2>');
      t.match(after.payload, '<code>DIWALI15</code>');
      t.match(after.payload, '15% off');
    });

    t.test('the order page shows the parts, the charges and, once accepted, the tax invoice link', async (t) => {
      const { api, submit, browser, slug } = await shop();
      const placed: PageResponse = await submit({ ...buyer, ...bengaluru });
      const location = String(placed.headers.location);
      const page = await browser.get(location);
      t.match(page.payload, bengaluru.house);
      t.match(page.payload, 'Landmark: Near Forum Mall');
      t.match(page.payload, 'Packaging');
      t.notMatch(page.payload, 'Tax invoice', 'no invoice before the order is accepted');
      const [order] = json(await api.get('/api/v1/orders')).items;
      t.equal((await api.post(`/api/v1/orders/${order.id}/status`, { status: 'accepted' })).statusCode, 200);
      const accepted = await browser.get(location);
      t.match(accepted.payload, new RegExp(`<a class="btn btn-secondary" href="/${slug}/orders/[^"]+/invoice">Tax invoice</a>`));
    });
  });
}
