// A UPI order in a real browser: the reference app (examples/server/dist/main.js) on SQLite in a
// temp dir, driven by Debian's headless Chromium through playwright-core.
//
// The vendor signs up, adds a product, sets a UPI ID and turns UPI on in settings; a customer on a
// phone (JavaScript on) checks out choosing UPI and sees the QR code (an inline SVG, allowed by
// the CSP) and the "Pay with UPI app" button; a second customer without JavaScript does the same
// through the plain form; the vendor marks the first order paid with a UPI reference on the
// dashboard, and the customer's order page then says Paid. No console errors, uncaught
// exceptions or CSP violations anywhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import t from 'tap';
import { bound, launchChromium, missingPieces, ProblemLog, startBrowserApp, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  // CI installs all of these, so there a missing piece is a failure, not a skip.
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  upiFlow();
}

function upiFlow() {
  t.setTimeout(120_000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const phone = { width: 390, height: 844 };
  const vendor = { email: 'meera@example.com', password: 'filter-coffee-daily', storeName: 'Meera’s Filter Coffee', slug: 'meera-coffee', upiId: 'meera.coffee@okicici' };
  const coffee = { name: 'Filter Coffee 500 g', price: '349.50' };

  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-upi-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;

  const url = (path: string) => `${app!.url}${path}`;
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> => {
    const context = bound(await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
  /** Chromium's console line for a response with `status` from exactly `at`. */
  const failedWith = (status: number, at: string) => (m: ConsoleMessage) => m.text().includes(`status of ${status} `) && m.location().url === at;

  /** Fills the checkout's delivery details. */
  const fillDetails = async (page: Page, name: string) => {
    await page.fill('#checkout-name', name);
    await page.fill('#checkout-phone', '9812345678');
    await page.fill('#checkout-house', '7');
    await page.fill('#checkout-street', 'Gandhi Bazaar, Basavanagudi');
    await page.fill('#checkout-city', 'Bengaluru');
    await page.selectOption('#checkout-state', 'Karnataka');
    await page.fill('#checkout-pincode', '560004');
  };

  /** What the order page shows to pay by UPI: the QR code's size, the button's link, its text. */
  const upiBox = async (page: Page) => {
    const qr = page.locator('.upi-qr svg');
    await qr.waitFor();
    const box = await qr.boundingBox();
    const href = (await page.getAttribute('a.upi-button', 'href')) ?? '';
    return { box, href, text: (await page.locator('.upi-pay').textContent()) ?? '' };
  };

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    t.comment(`app on ${app.url} and Chromium ${browser.version()} ready after ${elapsed()}`);
  });

  t.teardown(async () => {
    // Each step bounded: a hung browser must not keep the test process alive.
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
    t.comment(`UPI flow done in ${elapsed()}`);
  });

  t.test('UPI: settings, checkout with the choice, the QR code, marked paid, seen as paid', { timeout: 90_000 }, async (t) => {
    const vendorContext = await newContext('vendor');
    const v = await vendorContext.newPage();

    // Sign up and add a product.
    await v.goto(url('/signup'));
    await v.fill('#signup-email', vendor.email);
    await v.fill('#signup-password', vendor.password);
    await v.fill('#signup-storeName', vendor.storeName);
    await v.fill('#signup-slug', vendor.slug);
    await Promise.all([v.waitForURL(/\/dashboard\?done=welcome$/), v.click('button[type="submit"]')]);
    await v.goto(url('/dashboard/products/new'));
    await v.fill('#product-name', coffee.name);
    await v.fill('#product-price', coffee.price);
    await Promise.all([v.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}\?done=created$/), v.click('form.form-grid button[type="submit"]')]);

    // Settings: UPI ticked without a UPI ID is refused beside the field (a 400 page, which
    // Chromium logs as a failed resource: expected); then with the ID it saves.
    await v.goto(url('/dashboard/settings'));
    t.equal(await v.isChecked('#settings-paymentMethods-cod'), true, 'cash on delivery is on by default');
    t.equal(await v.isChecked('#settings-paymentMethods-upi'), false);
    t.equal(await v.isChecked('#settings-newOrderEmails'), true, 'new-order mails are on by default');
    problems.expect(failedWith(400, url('/dashboard/settings')));
    await v.check('#settings-paymentMethods-upi');
    await Promise.all([v.waitForURL(url('/dashboard/settings')), v.click('form.form-grid button[type="submit"]')]);
    const refusal = await v.locator('#settings-upiId-error, #settings-paymentMethods-error').first().textContent();
    t.match(refusal, /UPI ID/, 'UPI needs a UPI ID, said beside the field');
    t.equal(await v.isChecked('#settings-paymentMethods-upi'), true, 'the box stays ticked');
    await v.fill('#settings-upiId', vendor.upiId);
    await Promise.all([v.waitForURL(/\/dashboard\/settings\?done=saved$/), v.click('form.form-grid button[type="submit"]')]);
    t.equal(await v.inputValue('#settings-upiId'), vendor.upiId, 'the UPI ID is saved');
    t.equal(await v.isChecked('#settings-paymentMethods-upi'), true, 'UPI is on');
    t.comment(`UPI turned on after ${elapsed()}`);

    // A customer on a phone, JavaScript on: cart island, checkout, choose UPI.
    const customerContext = await newContext('customer', { viewport: phone, isMobile: true, hasTouch: true });
    const c = await customerContext.newPage();
    await c.goto(url(`/${vendor.slug}`));
    await hydrated(c);
    await c.locator('.card', { hasText: coffee.name }).locator('button.btn-add').click();
    await c.locator('.cart-count', { hasText: /^1$/ }).waitFor();
    await Promise.all([c.waitForURL(url(`/${vendor.slug}/checkout`)), c.click('a.cart-bar')]);
    await hydrated(c);
    await c.locator('.line').first().waitFor();
    t.same(await c.locator('input[name="paymentMethod"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['cod', 'upi'], 'a choice of cash or UPI');
    t.equal(await c.isChecked('input[name="paymentMethod"][value="cod"]'), true, 'cash on delivery first');
    await fillDetails(c, 'Ravi Kumar');
    await c.locator('label.radio', { hasText: 'UPI' }).click();
    t.equal(await c.isChecked('input[name="paymentMethod"][value="upi"]'), true, 'UPI chosen by tapping its label');
    await Promise.all([c.waitForURL(new RegExp(`/${vendor.slug}/orders/[^/?]+\\?placed=1$`)), c.click('#checkout-form button[type="submit"]')]);
    t.match(await c.locator('.thanks').textContent(), '#1001');
    const pay = await upiBox(c);
    t.ok(pay.box && pay.box.width >= 150 && pay.box.width <= phone.width, `the QR code is drawn, big enough to scan (${pay.box?.width} px)`);
    t.equal(await c.locator('.upi-qr svg path').count(), 2, 'an inline SVG of two paths, not an image request');
    const link = new URL(pay.href);
    t.equal(link.protocol, 'upi:');
    t.same(Object.fromEntries(link.searchParams), { pa: vendor.upiId, pn: vendor.storeName, am: coffee.price, cu: 'INR', tn: 'Order #1001' }, 'the button pays the store the order total');
    t.match(pay.text, 'Pay ₹349.50 by UPI');
    t.match(pay.text, 'Scan this code', 'on a computer, scan the code');
    t.match(pay.text, vendor.upiId);
    t.equal(await c.locator('.pay-note', { hasText: 'cash' }).count(), 0, 'no cash asked for');
    const orderUrl = c.url().replace(/\?placed=1$/, '');
    t.comment(`UPI order #1001 placed after ${elapsed()}`);

    // A customer without JavaScript: the same choice as a plain form.
    const plainContext = await newContext('no-JS customer', { viewport: phone, javaScriptEnabled: false });
    const p = await plainContext.newPage();
    await p.goto(url(`/${vendor.slug}`));
    await Promise.all([p.waitForURL(url(`/${vendor.slug}`)), p.locator('.card', { hasText: coffee.name }).locator('button.btn-add').click()]);
    await p.goto(url(`/${vendor.slug}/checkout`));
    await fillDetails(p, 'Meena Iyer');
    await p.check('input[name="paymentMethod"][value="upi"]');
    await Promise.all([p.waitForURL(new RegExp(`/${vendor.slug}/orders/[^/?]+\\?placed=1$`)), p.click('#checkout-form button[type="submit"]')]);
    t.match(await p.locator('.thanks').textContent(), '#1002');
    const plainPay = await upiBox(p);
    t.ok(plainPay.box && plainPay.box.width >= 150, 'the QR code needs no script');
    t.match(plainPay.href, /&tn=Order%20%231002$/);
    await plainContext.close();

    // The vendor sees the payment pending, and marks #1001 paid with the UPI reference.
    await v.goto(url('/dashboard/orders?paymentStatus=pending'));
    t.equal(await v.locator('.orders-table tbody tr').count(), 2, 'both orders wait for their money');
    t.equal(await v.locator('.orders-table tbody tr', { hasText: '#1001' }).locator('.pay').textContent(), 'Not paid');
    await Promise.all([v.waitForURL(/\/dashboard\/orders\/[0-9a-f-]{36}$/), v.click('.orders-table a:text-is("#1001")')]);
    t.match(await v.locator('.payment-panel').textContent(), /Not paid\s*₹349\.50 by UPI/);
    await v.fill('#payment-paid-reference', '412345678901');
    await Promise.all([v.waitForURL(/\?done=paid$/), v.click('.payment-form button:text-is("Mark paid")')]);
    t.equal(await v.locator('.flash').textContent(), 'Marked as paid.');
    t.equal(await v.locator('.payment-panel .pay').textContent(), 'Paid');
    t.match(await v.locator('.payment-panel').textContent(), 'Reference 412345678901');
    t.equal(await v.locator('.payment-form').count(), 0, 'nothing left to mark');
    await v.goto(url('/dashboard/orders?paymentStatus=paid'));
    t.same(await v.locator('.orders-table tbody th a').allTextContents(), ['#1001'], 'the paid filter lists it alone');
    t.comment(`marked paid after ${elapsed()}`);

    // The customer reloads the order page: paid, and no code to pay again.
    await c.goto(orderUrl);
    t.equal(await c.locator('.pay-note .pay').textContent(), 'Paid');
    t.match(await c.locator('.pay-note').textContent(), 'Paid ₹349.50 by UPI');
    t.equal(await c.locator('.upi-qr').count(), 0, 'no QR code once paid');
    t.equal(await c.locator('a[href^="upi:"]').count(), 0, 'and no pay button');
    await customerContext.close();
    await vendorContext.close();
  });

  t.test('no console errors, uncaught exceptions or CSP violations in any page', async (t) => {
    t.same(problems.problems, [], 'nothing went wrong in the pages');
  });
}
