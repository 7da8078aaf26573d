// A customer checks out in a real browser (Debian's headless Chromium through playwright-core),
// with JavaScript on, in a store with a GSTIN, 18% GST added on top, a packaging fee and a 10%
// coupon: the island prices the cart with the coupon (the pricing module, in the browser), the
// order is placed through the API at exactly the total shown, and once the vendor accepts it the
// order page links the tax invoice. The plugin runs in this process on SQLite.
import { existsSync } from 'node:fs';
import { gstinCheckChar } from '@dukaan-kit/core';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { chromium, type Browser } from 'playwright-core';
import t from 'tap';
import { client, json } from './support/api.js';
import { serverVariants, signUp, type ServerFixture } from './support/server.js';

const chromiumPath = '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  if (process.env.CI) t.fail(`the browser test needs ${chromiumPath}`);
  else t.plan(0, `needs ${chromiumPath}; skipping`);
} else {
  t.setTimeout(120_000);
  let fixture: ServerFixture | undefined;
  let browser: Browser | undefined;

  t.before(async () => {
    const sqlite = serverVariants()[0];
    if (!sqlite) throw new Error('no SQLite variant');
    fixture = await sqlite.open();
    await fixture.server.start();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, timeout: 30_000, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, fixture?.close());
  });

  t.test('coupon, GST and packaging priced in the browser; the order is the total shown; the invoice opens', { timeout: 90_000 }, async (t) => {
    const server = fixture!.server;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const gstin = `29ABCDE1234F1Z${gstinCheckChar('29ABCDE1234F1Z')}`;
    const saved = await api.patch('/api/v1/store', {
      gstin,
      defaultTaxRate: 18,
      pricesIncludeTax: false,
      deliveryFee: 4000,
      freeDeliveryAbove: null,
      minOrderValue: 0,
      packagingFee: { type: 'flat', value: 2500 },
    });
    t.equal(saved.statusCode, 200, 'settings saved');
    await api.product({ name: 'Masala Chai', price: 34900, stock: 10 });
    t.equal((await api.post('/api/v1/coupons', { code: 'SAVE10', type: 'percent', value: 10 })).statusCode, 201);
    const slug = vendor.store.slug;

    // localhost: a trustworthy origin for Chromium, as HTTPS is in production (COOP, secure cookies).
    const base = `http://localhost:${server.info.port}`;
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(15_000);
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/${slug}`);
    await page.locator('form[data-cart-add] button').first().click();
    await page.locator('a.cart-bar').click();
    await page.waitForURL(`${base}/${slug}/checkout`);
    // The client adds `js` to <html> once every island has hydrated.
    await page.waitForSelector('html.js', { state: 'attached' });

    await page.fill('#checkout-name', 'Asha Rao');
    await page.fill('#checkout-phone', '98765 43210');
    await page.fill('#checkout-house', 'Flat 4B, Lake View Apartments');
    await page.fill('#checkout-street', '80 Feet Road, Koramangala');
    await page.fill('#checkout-city', 'Bengaluru');
    t.equal(await page.inputValue('#checkout-state'), 'Karnataka', "the store's state is chosen");
    await page.fill('#checkout-pincode', '560034');

    t.equal(await page.locator('dd[data-packaging]').textContent(), formatMoney(2500, 'INR'), 'packaging is a named line');
    t.ok(await page.locator('dd[data-tax]').isVisible(), 'GST is a named line');
    const before = await page.locator('dd[data-total]').textContent();

    await page.fill('#checkout-couponCode', 'save10');
    await page.locator('button[value="apply-coupon"]').click();
    await page.locator('dd[data-discount]').waitFor();
    t.match(await page.locator('.coupon-applied').textContent(), 'SAVE10 applied');
    t.equal(await page.locator('dt', { hasText: 'Discount (SAVE10)' }).count(), 1);
    const shown = (await page.locator('dd[data-total]').textContent()) ?? '';
    t.not(shown, before, 'the total changed with the coupon');
    t.match(await page.locator('#checkout-form button[type="submit"]').textContent(), shown, 'the button names the total');

    await page.locator('#checkout-form button[type="submit"]').click();
    await page.waitForURL(/\/orders\/[^/?]+\?placed=1$/);
    t.match(await page.locator('.thanks').textContent(), 'Thank you, Asha Rao!');

    const [order] = json(await api.get('/api/v1/orders')).items;
    t.equal(formatMoney(order.total, 'INR'), shown, "the order's total is the total shown");
    t.match(order, { coupon: { code: 'SAVE10' }, packagingFee: 2500, deliveryMethod: 'delivery', customer: { city: 'Bengaluru', state: 'Karnataka', pincode: '560034' } });
    t.ok(order.discount > 0 && order.taxTotal > 0);

    t.equal((await api.post(`/api/v1/orders/${order.id}/status`, { status: 'accepted' })).statusCode, 200);
    await page.reload();
    await page.getByRole('link', { name: 'Tax invoice' }).click();
    await page.waitForURL(/\/invoice$/);
    t.match(await page.locator('body').textContent(), 'Tax Invoice');
    t.same(errors, [], 'no console errors');
    await context.close();
  });

  t.test('pickup hides the address and drops the fee; a code that does not apply says why beside the field', { timeout: 90_000 }, async (t) => {
    const server = fixture!.server;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const saved = await api.patch('/api/v1/store', { deliveryFee: 4000, freeDeliveryAbove: null, minOrderValue: 0, deliveryMethods: ['delivery', 'pickup'], pickupAddress: 'Shop 3, Church Street, Bengaluru' });
    t.equal(saved.statusCode, 200, 'settings saved');
    await api.product({ name: 'Masala Chai', price: 34900, stock: 10 });
    await api.post('/api/v1/coupons', { code: 'BIG500', type: 'flat', value: 50000, minOrderValue: 500000 });
    const slug = vendor.store.slug;
    const base = `http://localhost:${server.info.port}`;
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/${slug}`);
    await page.locator('form[data-cart-add] button').first().click();
    await page.goto(`${base}/${slug}/checkout`);
    await page.waitForSelector('html.js', { state: 'attached' });
    t.ok(await page.locator('#checkout-house').isVisible(), 'delivery: the address is asked');
    t.equal(await page.locator('#checkout-house').getAttribute('required'), '', 'and required once the island runs');

    await page.fill('#checkout-couponCode', 'big500');
    await page.locator('button[value="apply-coupon"]').click();
    await page.locator('#checkout-couponCode-error').waitFor();
    t.ok(((await page.locator('#checkout-couponCode-error').textContent()) ?? '').length > 0, 'the reason beside the field');
    t.equal(await page.locator('dd[data-discount]').count(), 0, 'no discount');
    await page.fill('#checkout-couponCode', '');

    await page.getByLabel('Pickup').check();
    t.notOk(await page.locator('#checkout-house').isVisible(), 'pickup: no address');
    t.equal(await page.locator('dd[data-delivery]').textContent(), 'Free');
    const shown = (await page.locator('dd[data-total]').textContent()) ?? '';
    t.equal(shown, formatMoney(34900, 'INR'), 'no delivery fee');
    await page.fill('#checkout-name', 'Asha Rao');
    await page.fill('#checkout-phone', '9876543210');
    await page.locator('#checkout-form button[type="submit"]').click();
    await page.waitForURL(/\/orders\/[^/?]+\?placed=1$/);
    const [order] = json(await api.get('/api/v1/orders')).items;
    t.match(order, { deliveryMethod: 'pickup', deliveryFee: 0, total: 34900 });
    t.same(errors, []);
    await context.close();
  });
}
