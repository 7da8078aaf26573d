import t from 'tap';
import { priceCart } from '../src/pricing/index.js';
import { seededRandom } from '../src/testing/seeded-random.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

// A real GSTIN of Karnataka (29); its check character is right.
const karnatakaGstin = '29AAGCB7383J1Z4';

const address = { house: 'Flat 4B, Lotus Apartments', street: '12 MG Road', landmark: 'Near the metro', city: 'Bengaluru', state: 'karnataka', pincode: '560001' };
const buyer = { name: 'Asha Rao', phone: '98765 43210', ...address };

function order(items: Array<{ productId: string; quantity: number }>, extra: Record<string, unknown> = {}) {
  return { customer: buyer, items, paymentMethod: 'cod' as const, ...extra };
}

let phones = 0;
/** A different Indian mobile each call, so per-phone limits do not meet. */
function nextPhone(): string {
  phones += 1;
  return `9${String(100000000 + phones * 7919 + process.pid).slice(-9)}`;
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('GST inclusive: lines carry taxable value and tax, CGST = SGST in the store state, IGST across states', async (t) => {
      const { store } = await openStore(dukaan, { gstin: karnatakaGstin, defaultTaxRate: 5, deliveryFee: 5000, freeDeliveryAbove: null });
      t.equal(store.state, 'Karnataka', 'the state comes from the GSTIN');
      const shirt = await dukaan.catalog.createProduct(store.id, { name: 'Shirt', price: 118000, taxRate: 18, hsnCode: '6205' });
      const tea = await dukaan.catalog.createProduct(store.id, { name: 'Tea', price: 10500 });
      const { order: local } = await dukaan.orders.place(store.slug, order([{ productId: shirt.id, quantity: 1 }, { productId: tea.id, quantity: 2 }]));
      t.match(local.items[0], { taxRate: 18, hsnCode: '6205', taxableValue: 100000, tax: 18000 });
      t.match(local.items[1], { taxRate: 5, hsnCode: null, taxableValue: 20000, tax: 1000 });
      t.match(local.charges, [{ kind: 'delivery', amount: 5000, taxRate: 5, tax: 238, taxableValue: 4762 }]);
      t.equal(local.taxTotal, 18000 + 1000 + 238);
      t.same(local.tax, { cgst: 9619, sgst: 9619, igst: 0 });
      t.equal(local.total, 118000 + 21000 + 5000, 'inclusive prices: the tax is inside the total');
      t.equal(local.sellerGstin, karnatakaGstin);
      t.equal(local.placeOfSupply, 'Karnataka');
      t.match(local.customer, { house: 'Flat 4B, Lotus Apartments', state: 'Karnataka', phone: '+919876543210', address: 'Flat 4B, Lotus Apartments, 12 MG Road, Near the metro, Bengaluru, Karnataka' });
      const delhi = { ...buyer, state: 'DELHI', city: 'New Delhi', pincode: '110001' };
      const { order: far } = await dukaan.orders.place(store.slug, { ...order([{ productId: shirt.id, quantity: 1 }]), customer: delhi });
      t.same(far.tax, { cgst: 0, sgst: 0, igst: far.taxTotal }, 'another state pays IGST');
      t.equal(far.placeOfSupply, 'Delhi');
    });

    t.test('GST exclusive, packaging and COD fees are named lines added to the total', async (t) => {
      const { store } = await openStore(dukaan, {
        gstin: karnatakaGstin,
        pricesIncludeTax: false,
        defaultTaxRate: 12,
        deliveryFee: 0,
        packagingFee: { type: 'percent', value: 2.5 },
        codFee: { type: 'flat', value: 2000 },
      });
      const rice = await dukaan.catalog.createProduct(store.id, { name: 'Rice', price: 10000 });
      const { order: placed } = await dukaan.orders.place(store.slug, order([{ productId: rice.id, quantity: 3 }]));
      t.equal(placed.packagingFee, 750, '2.5 % of the items');
      t.equal(placed.codFee, 2000);
      t.same(placed.charges.map((c) => c.kind), ['packaging', 'cod']);
      t.equal(placed.taxTotal, 3600 + 90 + 240);
      t.equal(placed.total, 30000 + 750 + 2000 + placed.taxTotal, 'exclusive prices: the tax is added');
      t.equal(placed.pricesIncludeTax, false);
    });

    t.test('a store without a GSTIN charges no tax; store settings refuse a bad GSTIN, a mismatched state, GST in dollars and pickup without an address', async (t) => {
      const { store } = await openStore(dukaan, { defaultTaxRate: 18 });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Pen', price: 1000 });
      const { order: placed } = await dukaan.orders.place(store.slug, order([{ productId: p.id, quantity: 1 }]));
      t.equal(placed.taxTotal, 0);
      t.equal(placed.sellerGstin, null);
      await t.rejects(dukaan.stores.update(store.id, { gstin: '29AAGCB7383J1Z5' }), { code: 'VALIDATION_FAILED', details: [{ path: 'gstin' }] });
      await t.rejects(dukaan.stores.update(store.id, { gstin: karnatakaGstin, state: 'Delhi' }), { code: 'VALIDATION_FAILED', details: [{ path: 'state', message: /Karnataka/ }] });
      await t.rejects(dukaan.stores.update(store.id, { deliveryMethods: ['pickup'], pickupAddress: '' }), { code: 'VALIDATION_FAILED', details: [{ path: 'pickupAddress' }] });
      await t.rejects(dukaan.stores.update(store.id, { defaultTaxRate: 17 }), { code: 'VALIDATION_FAILED', details: [{ path: 'defaultTaxRate', message: /GST rates/ }] });
      const { store: usd } = await openStore(dukaan, { currency: 'USD' });
      await t.rejects(dukaan.stores.update(usd.id, { gstin: karnatakaGstin }), { code: 'VALIDATION_FAILED', details: [{ path: 'gstin', message: /rupees/ }] });
      const cleared = await dukaan.stores.update(store.id, { gstin: karnatakaGstin });
      t.equal((await dukaan.stores.update(cleared.id, { gstin: '' })).gstin, null, "'' removes the GSTIN");
    });

    t.test('Indian addresses: parts required, states matched, pincodes and mobiles checked; the old one-line address still works', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Soap', price: 5000 });
      const items = [{ productId: p.id, quantity: 1 }];
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: { name: 'A', phone: '9876543210', street: 'MG Road', pincode: '560001' } }), {
        code: 'VALIDATION_FAILED',
        details: [
          { path: 'customer.house', message: /house/ },
          { path: 'customer.city', message: /city/ },
          { path: 'customer.state', message: /state/ },
        ],
      });
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: { ...buyer, street: '', landmark: '' } }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'customer.street', message: 'Enter the street or area' }],
      }, 'an empty street is named as such, not as the one-line address the form does not show');
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: { ...buyer, state: 'Atlantis' } }), { code: 'VALIDATION_FAILED', details: [{ path: 'customer.state' }] });
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: { ...buyer, pincode: '012345' } }), { code: 'VALIDATION_FAILED', details: [{ path: 'customer.pincode', message: /cannot start with 0/ }] });
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: { ...buyer, phone: '+14155550100' } }), { code: 'VALIDATION_FAILED', details: [{ path: 'customer.phone', message: /Indian mobile/ }] });
      const islands = await dukaan.orders.place(store.slug, { ...order(items), customer: { ...buyer, state: 'andaman & nicobar islands', pincode: '744101' } });
      t.equal(islands.order.customer.state, 'Andaman and Nicobar Islands', '"&" is read as "and"');
      const legacy = await dukaan.orders.place(store.slug, { ...order(items), customer: { name: 'Old App', phone: '9876543210', address: '5 Lake Road, Kolkata', pincode: '700029' } });
      t.match(legacy.order.customer, { address: '5 Lake Road, Kolkata', street: '5 Lake Road, Kolkata', house: null, state: null, pincode: '700029' });
      const { store: usd } = await openStore(dukaan, { currency: 'USD' });
      const mug = await dukaan.catalog.createProduct(usd.id, { name: 'Mug', price: 1200 });
      const abroad = await dukaan.orders.place(usd.slug, { customer: { name: 'Jo', phone: '+14155550100', address: '1 Market St, San Francisco', pincode: '941050' }, items: [{ productId: mug.id, quantity: 1 }], paymentMethod: 'cod' });
      t.equal(abroad.order.customer.phone, '+14155550100', 'other currencies keep international numbers');
    });

    t.test('delivery areas and pickup: outside the area is 409 NOT_SERVICEABLE, pickup has no fee and needs no address', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 4000, freeDeliveryAbove: null, pickupAddress: '1 Temple Street, Mysuru', deliveryMethods: ['delivery', 'pickup'], serviceArea: { type: 'prefixes', values: ['560', '570'] } });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Ghee', price: 50000 });
      const items = [{ productId: p.id, quantity: 1 }];
      const far = { ...buyer, city: 'Delhi', state: 'Delhi', pincode: '110001' };
      await t.rejects(dukaan.orders.place(store.slug, { ...order(items), customer: far }), { code: 'NOT_SERVICEABLE', details: [{ path: 'customer.pincode', message: /110001.*pickup/ }] });
      t.same(await dukaan.stores.checkPincode(store.slug, '110001'), { pincode: '110001', serviceable: false, message: `${store.name} does not deliver to 110001, but you can pick up your order from the store` });
      t.match(await dukaan.stores.checkPincode(store.slug, '570001'), { serviceable: true });
      await t.rejects(dukaan.stores.checkPincode(store.slug, '0123'), { code: 'VALIDATION_FAILED' });
      const pickup = await dukaan.orders.place(store.slug, { customer: { name: 'Ravi', phone: '9822222222' }, items, paymentMethod: 'cod', deliveryMethod: 'pickup' });
      t.equal(pickup.order.deliveryMethod, 'pickup');
      t.equal(pickup.order.deliveryFee, 0);
      t.equal(pickup.order.total, 50000);
      const { store: deliveryOnly } = await openStore(dukaan);
      const q = await dukaan.catalog.createProduct(deliveryOnly.id, { name: 'Ghee', price: 50000 });
      await t.rejects(dukaan.orders.place(deliveryOnly.slug, { ...order([{ productId: q.id, quantity: 1 }]), deliveryMethod: 'pickup' }), { code: 'VALIDATION_FAILED', details: [{ path: 'deliveryMethod' }] });
    });

    t.test('coupons: applied in the order, refused with a reason (never a silent full price), case-insensitive', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 0 });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Cake', price: 60000 });
      const items = [{ productId: p.id, quantity: 1 }];
      await dukaan.coupons.create(store.id, { code: 'SAVE10', type: 'percent', value: 10, maxDiscount: 5000 });
      const { order: placed } = await dukaan.orders.place(store.slug, { ...order(items), couponCode: 'save10' });
      t.equal(placed.discount, 5000, 'capped at maxDiscount');
      t.same(placed.coupon, { code: 'SAVE10' });
      t.equal(placed.total, 55000);
      const refused = async (code: string, reason: string) => {
        const error = await dukaan.orders.place(store.slug, { ...order(items), couponCode: code }).catch((e: unknown) => e);
        t.match(error, { code: 'COUPON_NOT_APPLICABLE', reason, details: [{ path: 'couponCode' }] }, `${code}: ${reason}`);
      };
      const day = 24 * 3600 * 1000;
      await dukaan.coupons.create(store.id, { code: 'OLD', type: 'flat', value: 100, startsAt: new Date(Date.now() - 3 * day).toISOString(), endsAt: new Date(Date.now() - day).toISOString() });
      await dukaan.coupons.create(store.id, { code: 'SOON', type: 'flat', value: 100, startsAt: new Date(Date.now() + day).toISOString() });
      await dukaan.coupons.create(store.id, { code: 'BIG', type: 'flat', value: 100, minOrderValue: 100000 });
      await dukaan.coupons.create(store.id, { code: 'OFF', type: 'flat', value: 100, active: false });
      await refused('NOPE', 'unknown');
      await refused('OLD', 'expired');
      await refused('SOON', 'not_started');
      await refused('BIG', 'below_minimum');
      await refused('OFF', 'unknown'); // a switched-off code reads like one that never existed
      t.equal((await dukaan.orders.list(store.id, {})).items.length, 1, 'the refused checkouts placed nothing');
    });

    t.test('coupon limits: 50 concurrent checkouts on a coupon limited to 10 give exactly 10 orders; a cancel gives its use back', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 0 });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Laddoo', price: 20000 });
      const coupon = await dukaan.coupons.create(store.id, { code: 'TEN', type: 'flat', value: 2000, usageLimit: 10 });
      const attempts = await Promise.allSettled(
        Array.from({ length: 50 }, () => dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: { ...buyer, phone: nextPhone() }, couponCode: 'ten' })),
      );
      const placed = attempts.filter((a) => a.status === 'fulfilled');
      const refusedReasons = attempts.flatMap((a) => (a.status === 'rejected' ? [(a.reason as { reason?: string }).reason] : []));
      t.equal(placed.length, 10, 'exactly the limit');
      t.ok(refusedReasons.every((r) => r === 'used_up'), 'every other one was told the coupon is used up');
      t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 10);
      const orders = (await dukaan.orders.list(store.id, { limit: 100 })).items;
      t.equal(orders.length, 10);
      t.ok(orders.every((o) => o.discount === 2000 && o.total === 18000));
      const numbers = orders.map((o) => o.number).sort((a, b) => a - b);
      t.same(numbers, Array.from({ length: 10 }, (_, i) => 1001 + i), 'refused checkouts spent no order number');
      const first = orders[0];
      if (!first) return;
      await dukaan.orders.changeStatus(store.id, first.id, { status: 'cancelled' });
      t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 9, 'the cancel gave the use back');
      const again = await dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: { ...buyer, phone: nextPhone() }, couponCode: 'TEN' });
      t.equal(again.order.discount, 2000);
    });

    t.test('a coupon without limits: concurrent orders all counted, cancel and reject give uses back, a limit set later counts them', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 0 });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Peda', price: 20000 });
      const coupon = await dukaan.coupons.create(store.id, { code: 'ALWAYS', type: 'flat', value: 2000 });
      const place = () => dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: { ...buyer, phone: nextPhone() }, couponCode: 'always' });
      const placed = await Promise.all(Array.from({ length: 12 }, place));
      t.ok(placed.every(({ order }) => order.discount === 2000));
      t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 12);
      t.equal((await dukaan.coupons.list(store.id)).find((c) => c.id === coupon.id)?.usedCount, 12, 'the list shows the same count');
      const [first, second] = placed;
      if (!first || !second) return;
      await dukaan.orders.changeStatus(store.id, first.order.id, { status: 'cancelled' });
      await dukaan.orders.changeStatus(store.id, second.order.id, { status: 'rejected' });
      t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 10, 'the cancel and the reject gave their uses back');
      const limited = await dukaan.coupons.update(store.id, coupon.id, { usageLimit: 11 });
      t.equal(limited.usedCount, 10, 'the limit starts from the uses so far');
      t.equal((await place()).order.discount, 2000, 'one use left');
      await t.rejects(place(), { code: 'COUPON_NOT_APPLICABLE', reason: 'used_up' });
      t.equal((await dukaan.coupons.get(store.id, coupon.id)).usedCount, 11);
    });

    t.test('coupon per-phone and first-order limits', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 0 });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Barfi', price: 20000 });
      await dukaan.coupons.create(store.id, { code: 'ONCE', type: 'percent', value: 5, perPhoneLimit: 1 });
      await dukaan.coupons.create(store.id, { code: 'WELCOME', type: 'flat', value: 1000, firstOrderOnly: true });
      const phone = nextPhone();
      const mine = { ...buyer, phone };
      const tries = await Promise.allSettled(Array.from({ length: 8 }, () => dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: mine, couponCode: 'ONCE' })));
      t.equal(tries.filter((a) => a.status === 'fulfilled').length, 1, 'one use per phone, even in a burst');
      t.ok(tries.every((a) => a.status === 'fulfilled' || (a.reason as { reason?: string }).reason === 'per_customer_limit'));
      await t.rejects(dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: mine, couponCode: 'WELCOME' }), { code: 'COUPON_NOT_APPLICABLE', reason: 'first_order_only' });
      const fresh = await dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), customer: { ...buyer, phone: nextPhone() }, couponCode: 'WELCOME' });
      t.equal(fresh.order.discount, 1000);
    });

    t.test('tax invoices: numbered at acceptance per financial year, 1, 2, 3 … without gaps under concurrent acceptance', async (t) => {
      const { store } = await openStore(dukaan, { gstin: karnatakaGstin });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Dosa batter', price: 9000, hsnCode: '1106' });
      const placed = [];
      for (let i = 0; i < 12; i += 1) placed.push((await dukaan.orders.place(store.slug, order([{ productId: p.id, quantity: 1 }]))).order);
      t.equal(placed[0]?.invoice, null, 'a pending order has no invoice');
      const accepted = await Promise.all(placed.map((o) => dukaan.orders.changeStatus(store.id, o.id, { status: 'accepted' })));
      const numbers = accepted.map((o) => o.invoice?.number ?? 0).sort((a, b) => a - b);
      t.same(numbers, Array.from({ length: 12 }, (_, i) => i + 1));
      t.ok(accepted.every((o) => /^\d{4}-\d{2}$/.test(o.invoice?.financialYear ?? '')), 'the financial year is written 2026-27');
      const shipped = await dukaan.orders.changeStatus(store.id, placed[0]?.id ?? '', { status: 'shipped' });
      t.same(shipped.invoice, accepted[0]?.invoice, 'later moves keep the invoice');
      const { store: auto } = await openStore(dukaan, { autoAcceptOrders: true });
      const q = await dukaan.catalog.createProduct(auto.id, { name: 'Idli', price: 3000 });
      const { order: instant } = await dukaan.orders.place(auto.slug, order([{ productId: q.id, quantity: 1 }]));
      t.match(instant.invoice, { number: 1 }, 'an order accepted at checkout gets its invoice there');
    });

    t.test('property: the total priced from what the page shows is the order total, over random carts, taxes, charges and coupons', async (t) => {
      const random = seededRandom(Number(process.env['DUKAAN_PROPERTY_SEED'] ?? 13));
      const rates = [0, 0.25, 3, 5, 12, 18, 28];
      for (let round = 0; round < 12; round += 1) {
        const inclusive = random() < 0.5;
        const withGst = random() < 0.8;
        const { store } = await openStore(dukaan, {
          ...(withGst ? { gstin: karnatakaGstin, defaultTaxRate: rates[Math.floor(random() * rates.length)] } : {}),
          pricesIncludeTax: inclusive,
          deliveryFee: Math.floor(random() * 8000),
          freeDeliveryAbove: random() < 0.5 ? null : Math.floor(random() * 200000),
          packagingFee: random() < 0.5 ? null : random() < 0.5 ? { type: 'flat', value: 1 + Math.floor(random() * 5000) } : { type: 'percent', value: Math.round(random() * 1000) / 100 || 1 },
          codFee: random() < 0.5 ? null : { type: 'flat', value: 1 + Math.floor(random() * 3000) },
        });
        const products = [];
        for (let i = 0; i < 3; i += 1) {
          const rate = random() < 0.5 ? null : rates[Math.floor(random() * rates.length)];
          products.push(await dukaan.catalog.createProduct(store.id, { name: `P${i}`, price: 1 + Math.floor(random() * 99999), taxRate: rate ?? null }));
        }
        const percent = random() < 0.5;
        await dukaan.coupons.create(store.id, { code: 'RANDOM', type: percent ? 'percent' : 'flat', value: percent ? 1 + Math.floor(random() * 60) : 1 + Math.floor(random() * 50000), maxDiscount: percent && random() < 0.5 ? 1 + Math.floor(random() * 20000) : null });
        const items = products.map((product) => ({ productId: product.id, quantity: 1 + Math.floor(random() * 4) }));
        // What the page knows: the public store view, each product's rate, and the coupon's public terms.
        const { view } = await dukaan.storefront.view(store.slug);
        const subtotal = items.reduce((sum, item) => sum + (view.products.find((p) => p.id === item.productId)?.price ?? 0) * item.quantity, 0);
        const { terms } = await dukaan.coupons.check(store.slug, 'random', subtotal);
        const shown = priceCart(
          items.map((item) => {
            const product = view.products.find((p) => p.id === item.productId);
            return { unitPrice: product?.price ?? 0, quantity: item.quantity, taxRate: product?.taxRate ?? null };
          }),
          { ...view.store, tax: view.store.gstin ? { pricesIncludeTax: view.store.pricesIncludeTax, defaultTaxRate: view.store.defaultTaxRate } : null },
          { deliveryMethod: 'delivery', paymentMethod: 'cod', coupon: terms },
        );
        const { order: placed } = await dukaan.orders.place(store.slug, { ...order(items), couponCode: 'Random', expectedTotal: shown.total });
        t.equal(placed.total, shown.total, `round ${round}: the total shown is the total placed`);
        t.equal(placed.taxTotal, shown.taxTotal);
        t.equal(placed.discount, shown.discount);
      }
    });
  });

  t.test(`${variant.name}: guessing coupon codes through checkout is limited like the coupon check`, async (t) => {
    const fixture = await variant.open({ limits: { checkout: 3 } });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan, { deliveryFee: 0 });
    const p = await dukaan.catalog.createProduct(store.id, { name: 'Halwa', price: 10000 });
    const guess = (code: string) => dukaan.orders.place(store.slug, { ...order([{ productId: p.id, quantity: 1 }]), couponCode: code }, { clientAddress: '203.0.113.9' });
    for (const code of ['GUESS1', 'GUESS2', 'GUESS3']) await t.rejects(guess(code), { code: 'COUPON_NOT_APPLICABLE', reason: 'unknown' });
    await t.rejects(guess('GUESS4'), { code: 'RATE_LIMITED' }, 'the fourth guess from the address is refused');
  });
}
