// The whole shop in a real browser: the reference app (examples/server/dist/main.js) on SQLite in
// a temp dir, driven by Debian's headless Chromium through playwright-core.
//
// 1. JavaScript on: a vendor signs up (a reserved store link first), adds two products (one with
//    an uploaded PNG), copies the store link; a customer in another context opens the link, adds
//    both to the cart island, checks out with a bad phone (the error sits beside the field), then
//    places order #1001; the vendor accepts and ships it; the customer's order page says shipped.
// 2. JavaScript off: the cart is a plain form post, checkout lists the lines with quantity inputs,
//    a bad pincode comes back beside its field, then the order is placed.
// 3. Screenshots of the store, checkout and dashboard at phone and desktop widths, written to
//    test-results/screenshots/<page>-<width>.png, with no horizontal overflow.
// 4. No console errors, uncaught exceptions or CSP violations in any page.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import t from 'tap';
import {
  bound,
  horizontalOverflow,
  launchChromium,
  missingPieces,
  overflowingElements,
  ProblemLog,
  screenshotDir,
  startBrowserApp,
  writeTestPng,
  type BrowserApp,
} from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  // CI installs all of these, so there a missing piece is a failure, not a skip.
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  browserFlow();
}

function browserFlow() {
  t.setTimeout(120_000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const phone = { width: 390, height: 844 };
  const desktop = { width: 1280, height: 800 };
  const vendor = { email: 'asha@example.com', password: 'chai-and-biscuits', storeName: 'Asha’s Chai Corner', slug: 'asha-chai' };
  const chai = { name: 'Masala Chai 250 g', price: '249', mrp: '299', stock: '25' };
  const biscuits = { name: 'Ginger Biscuits', price: '99' };

  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let vendorContext: BrowserContext | undefined;
  /** The link the vendor copied from the dashboard. */
  let storeLink = '';
  let pngPath = '';

  /** A fresh isolated context with bounded waits, watched for problems. */
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = bound(await browser!.newContext({ viewport: desktop, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
  const url = (path: string) => `${app!.url}${path}`;
  /** Chromium's console line for a response with `status` from exactly `at`. */
  const failedWith = (status: number, at: string) => (m: ConsoleMessage) => m.text().includes(`status of ${status} `) && m.location().url === at;

  t.before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    pngPath = writeTestPng(join(workDir, 'masala-chai.png'));
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    t.comment(`app on ${app.url} and Chromium ${browser.version()} ready after ${elapsed()}`);
  });

  t.teardown(async () => {
    // Each step bounded: a hung browser must not keep the test process alive.
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
    t.comment(`browser flow done in ${elapsed()}`);
  });

  t.test('with JavaScript: sign up, add products, share the link, order, ship', { timeout: 60_000 }, async (t) => {
    vendorContext = await newContext('vendor');
    const v = await vendorContext.newPage();

    // Sign up, with a reserved store link first: the error sits beside the field, the values stay.
    // (The form comes back as a 400, which Chromium logs as a failed resource: expected here.)
    problems.expect(failedWith(400, url('/signup')));
    await v.goto(url('/signup'));
    await v.fill('#signup-email', vendor.email);
    await v.fill('#signup-password', vendor.password);
    await v.fill('#signup-storeName', vendor.storeName);
    await v.fill('#signup-slug', 'dashboard');
    await Promise.all([v.waitForURL(url('/signup')), v.click('button[type="submit"]')]);
    await v.locator('#signup-slug-error').waitFor();
    t.match(await v.locator('#signup-slug-error').textContent(), /kept for the site/, 'the reserved link is refused beside its field');
    t.equal(await v.getAttribute('#signup-slug', 'aria-invalid'), 'true');
    t.match(await v.getAttribute('#signup-slug', 'aria-describedby'), 'signup-slug-error');
    t.equal(await v.inputValue('#signup-email'), vendor.email, 'the email is kept');
    t.equal(await v.inputValue('#signup-storeName'), vendor.storeName, 'the store name is kept');
    t.equal(await v.inputValue('#signup-password'), '', 'the password is not echoed back');
    await v.fill('#signup-password', vendor.password);
    await v.fill('#signup-slug', vendor.slug);
    await Promise.all([v.waitForURL(/\/dashboard\?done=welcome$/), v.click('button[type="submit"]')]);
    t.match(await v.locator('.flash').textContent(), /Your store is open/, 'welcomed on the dashboard');
    t.comment(`signed up after ${elapsed()}`);

    // Two products, the first with a picture.
    await v.goto(url('/dashboard/products/new'));
    await v.fill('#product-name', chai.name);
    await v.fill('#product-description', 'Strong CTC tea with cardamom and ginger.');
    await v.fill('#product-price', chai.price);
    await v.fill('#product-compareAtPrice', chai.mrp);
    await v.fill('#product-stock', chai.stock);
    await v.setInputFiles('#product-images', pngPath);
    await Promise.all([v.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}\?done=created$/), v.click('form.form-grid button[type="submit"]')]);
    t.equal(await v.locator('.saved-flash p').first().textContent(), 'Product added.', 'said once, with what to do next');
    const picture = v.locator('.pictures img').first();
    await picture.scrollIntoViewIfNeeded();
    await v.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.pictures img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    t.match(await picture.getAttribute('src'), /^\/media\//, 'the uploaded picture is served from /media');
    t.equal(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth), 160, 'and it decodes as the PNG that was sent');

    await v.goto(url('/dashboard/products/new'));
    await v.fill('#product-name', biscuits.name);
    await v.fill('#product-price', biscuits.price);
    await Promise.all([v.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}\?done=created$/), v.click('form.form-grid button[type="submit"]')]);

    await v.goto(url('/dashboard/products'));
    t.same((await v.locator('.product-row-name').allTextContents()).sort(), [biscuits.name, chai.name].sort(), 'both products are listed');
    t.equal(await v.locator('.product-row', { hasText: chai.name }).locator('img.thumb').count(), 1, 'the one with a picture shows it');
    t.comment(`two products added after ${elapsed()}`);

    // Copy the store link from the dashboard.
    const expectedLink = url(`/${vendor.slug}`);
    await vendorContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app!.url });
    await v.goto(url('/dashboard'));
    await hydrated(v);
    t.equal(await v.inputValue('#store-link'), expectedLink, 'the dashboard shows the store link');
    await v.click('.copy-link button');
    await v.locator('.copy-status', { hasText: 'Link copied.' }).waitFor();
    storeLink = await v.evaluate(() => navigator.clipboard.readText());
    t.equal(storeLink, expectedLink, 'Copy puts the store link on the clipboard');
    t.match(await v.getAttribute('a.btn-whatsapp', 'href'), /^https:\/\/wa\.me\/\?text=/, 'and it can be shared on WhatsApp');

    // A customer (no vendor cookies) opens the link on a phone and fills the cart island.
    const customerContext = await newContext('customer', { viewport: phone, isMobile: true, hasTouch: true });
    const c = await customerContext.newPage();
    await c.goto(storeLink);
    await hydrated(c);
    t.equal(await c.locator('.store-hero h1').textContent(), vendor.storeName);
    t.equal(await c.locator('.card').count(), 2, 'two product cards');
    const chaiCard = c.locator('.card', { hasText: chai.name });
    t.equal(await chaiCard.locator('.price-mrp').count(), 1, 'the MRP is struck through');
    t.match(await chaiCard.locator('.price-off').textContent(), /17% off/);
    t.equal(await c.locator('.cart-bar').isVisible(), false, 'no cart bar while the cart is empty');
    await chaiCard.locator('button.btn-add').click();
    await c.locator('.cart-count', { hasText: /^1$/ }).waitFor();
    // "Add to cart" has turned into a stepper: its + makes two.
    await chaiCard.locator('button[data-step="1"]').click();
    await c.locator('.card', { hasText: biscuits.name }).locator('button.btn-add').click();
    await c.locator('.cart-count', { hasText: /^3$/ }).waitFor();
    t.pass('the cart bar counts 1, then 3 items');
    t.equal(c.url(), storeLink, 'adding to the cart did not leave the page');
    t.match(await c.locator('.cart-bar-total').textContent(), /597/, 'the bar shows the subtotal');

    await Promise.all([c.waitForURL(url(`/${vendor.slug}/checkout`)), c.click('a.cart-bar')]);
    await c.locator('.line').nth(1).waitFor();
    t.equal(await c.locator('.line').count(), 2, 'checkout lists both lines');
    t.equal(await c.inputValue(`.line:has-text("${chai.name}") input[name="quantity"]`), '2');
    t.match(await c.locator('[data-total]').textContent(), /597\.00/);

    // A bad phone first: the order API's 400 lands beside the phone field (Chromium logs the 400 as a resource error).
    problems.expect(failedWith(400, url(`/api/v1/stores/${vendor.slug}/orders`)));
    await c.fill('#checkout-name', 'Ravi Kumar');
    await c.fill('#checkout-phone', '12345');
    await c.fill('#checkout-house', '4');
    await c.fill('#checkout-street', 'Lake View Road, Indiranagar');
    await c.fill('#checkout-city', 'Bengaluru');
    await c.selectOption('#checkout-state', 'Karnataka');
    await c.fill('#checkout-pincode', '560038');
    await c.click('#checkout-form button[type="submit"]');
    await c.locator('#checkout-phone-error').waitFor();
    // The page's own words for the field (issue 14), not core's rule.
    t.equal(await c.locator('#checkout-phone-error').textContent(), 'Enter a 10-digit mobile number, such as 98765 43210.');
    t.equal(await c.getAttribute('#checkout-phone', 'aria-invalid'), 'true');
    t.equal(await c.locator('.field:has(#checkout-phone) #checkout-phone-error').count(), 1, 'the error sits in the phone field');
    t.equal(await c.evaluate(() => document.activeElement?.id), 'checkout-phone', 'focus moves to the bad field');
    t.equal(await c.inputValue('#checkout-name'), 'Ravi Kumar', 'what was typed is kept');

    await c.fill('#checkout-phone', '98123 45678');
    await Promise.all([c.waitForURL(/\/asha-chai\/orders\/[^/?]+\?placed=1$/), c.click('#checkout-form button[type="submit"]')]);
    t.match(await c.locator('.thanks h1').textContent(), 'Thank you, Ravi Kumar!');
    t.match(await c.locator('.thanks').textContent(), '#1001', 'the confirmation shows the order number');
    t.equal(await c.locator('.order-head .status').textContent(), 'Placed', 'the customer\'s one word for a new order');
    t.equal(await c.evaluate((k) => localStorage.getItem(k), `dukaan-kit:cart:${vendor.slug}`), null, 'the cart is emptied');
    const orderUrl = c.url().replace(/\?placed=1$/, '');
    t.comment(`order #1001 placed after ${elapsed()}`);

    // The vendor sees it, accepts it and ships it.
    await v.goto(url('/dashboard'));
    const pendingRow = v.locator('.orders-table tbody tr', { hasText: '#1001' });
    t.equal(await pendingRow.count(), 1, 'the dashboard lists #1001 to act on');
    t.match(await pendingRow.textContent(), 'Ravi Kumar');
    t.match(await v.locator('.dash-nav .badge').textContent(), /^1/, 'the navigation counts one pending order');
    t.equal(await v.locator('.stat', { hasText: 'Orders today' }).locator('.stat-value').textContent(), '1');
    await v.goto(url('/dashboard/orders'));
    await Promise.all([v.waitForURL(/\/dashboard\/orders\/[0-9a-f-]{36}$/), v.click('.orders-table a:text-is("#1001")')]);
    t.equal(await v.locator('.dash-main h1').textContent(), 'Order #1001');
    t.match(await v.locator('.details').textContent(), '+919812345678', 'the customer’s phone, normalised');
    t.same(await v.locator('.status-actions button').allTextContents(), ['Accept order', 'Reject order', 'Cancel order'], 'only the moves a pending order allows');
    await Promise.all([v.waitForURL(/\?done=status$/), v.click('.status-actions button:text-is("Accept order")')]);
    t.equal(await v.locator('.order-meta .status').textContent(), 'Accepted');
    await Promise.all([v.waitForURL(/\?done=status$/), v.click('.status-actions button:text-is("Mark as shipped")')]);
    t.equal(await v.locator('.order-meta .status').textContent(), 'Shipped');
    t.same(await v.locator('.history .status').allTextContents(), ['Pending', 'Accepted', 'Shipped'], 'the history records each move');

    // The customer reloads the order page.
    await c.goto(orderUrl);
    t.equal(await c.locator('.order-head .status').textContent(), 'On the way', 'the customer sees it shipped, in the tracker\'s word');
    t.equal(await c.locator('.tracker [aria-current="step"] .tracker-word').textContent(), 'On the way');
    await customerContext.close();
    t.comment(`shipped and seen after ${elapsed()}`);
  });

  t.test('without JavaScript: the cart is a form, checkout shows errors, the order is placed', { timeout: 30_000 }, async (t) => {
    if (!storeLink) return t.fail('needs the store from the first test');
    const context = await newContext('no-JS customer', { viewport: phone, javaScriptEnabled: false });
    const c = await context.newPage();
    await c.goto(storeLink);
    t.equal(await c.locator('html.js').count(), 0, 'no script ran');
    await Promise.all([c.waitForURL(storeLink), c.locator('.card', { hasText: biscuits.name }).locator('button.btn-add').click()]);
    t.equal(await c.locator('.cart-count').textContent(), '1', 'the server-side cart counts 1');
    await Promise.all([c.waitForURL(storeLink), c.locator('.card', { hasText: chai.name }).locator('button.btn-add').click()]);
    t.equal(await c.locator('.cart-count').textContent(), '2');
    t.equal(await c.locator('.cart-bar').isVisible(), true);

    await Promise.all([c.waitForURL(url(`/${vendor.slug}/checkout`)), c.click('a.cart-bar')]);
    t.equal(await c.locator('.line').count(), 2, 'checkout lists the cookie cart');
    const biscuitQty = c.locator(`.line:has-text("${biscuits.name}") input[name="quantity"]`);
    t.equal(await biscuitQty.inputValue(), '1');
    await biscuitQty.fill('3');
    await Promise.all([c.waitForURL(url(`/${vendor.slug}/checkout`)), c.locator(`.line:has-text("${biscuits.name}") button:text-is("Update")`).click()]);
    t.equal(await c.locator(`.line:has-text("${biscuits.name}") input[name="quantity"]`).inputValue(), '3', 'Update changes the quantity');
    t.match(await c.locator('[data-total]').textContent(), /546\.00/, 'the total follows (249 + 3 × 99)');

    // 012345 is no Indian PIN code: with the browser's pattern taken away, the server says so beside the
    // field, re-rendering the form as a 400 (logged by Chromium as a failed resource: expected).
    problems.expect(failedWith(400, url(`/${vendor.slug}/checkout`)));
    await c.fill('#checkout-name', 'Meera Iyer');
    await c.fill('#checkout-phone', '9988776655');
    await c.fill('#checkout-house', '22');
    await c.fill('#checkout-street', 'Temple Street, Mylapore');
    await c.fill('#checkout-city', 'Chennai');
    await c.selectOption('#checkout-state', 'Tamil Nadu');
    await c.fill('#checkout-pincode', '012345');
    // The field's pattern already refuses a leading 0; without it (an older browser) the server must.
    await c.evaluate(() => document.querySelector('#checkout-pincode')?.removeAttribute('pattern'));
    await Promise.all([c.waitForURL(url(`/${vendor.slug}/checkout`)), c.click('#checkout-form button[type="submit"]')]);
    t.equal(await c.locator('#checkout-pincode-error').textContent(), 'An Indian PIN code never starts with 0. Check the first digit.', 'the pincode error sits beside the field');
    t.equal(await c.getAttribute('#checkout-pincode', 'aria-invalid'), 'true');
    t.equal(await c.inputValue('#checkout-name'), 'Meera Iyer', 'the name is kept');
    t.equal(await c.inputValue('#checkout-street'), 'Temple Street, Mylapore', 'the address is kept');
    t.equal(await c.inputValue('#checkout-state'), 'Tamil Nadu', 'the state chosen is kept');
    t.equal(await c.locator('.line').count(), 2, 'the lines are still there');

    await c.fill('#checkout-pincode', '600004');
    await Promise.all([c.waitForURL(/\/asha-chai\/orders\/[^/?]+\?placed=1$/), c.click('#checkout-form button[type="submit"]')]);
    t.match(await c.locator('.thanks').textContent(), '#1002', 'the confirmation shows the order number');
    t.same((await c.locator('.order-lines tbody td:first-child').allTextContents()).sort(), [biscuits.name, chai.name].sort(), 'the order has both lines');
    t.same((await c.locator('.order-lines tbody td:nth-child(2)').allTextContents()).sort(), ['1', '3'], 'with their quantities');
    await context.close();
    t.comment(`no-JS order placed after ${elapsed()}`);
  });

  t.test('screenshots at phone and desktop widths, without horizontal overflow', { timeout: 60_000 }, async (t) => {
    if (!storeLink || !vendorContext) return t.fail('needs the store from the first test');
    const vendorState = await vendorContext.storageState();
    const settle = async (page: Page) => {
      // Lazy images below the fold would be blank in a full-page shot: load them all first.
      await page.evaluate(async () => {
        const images = Array.from(document.images);
        for (const img of images) img.loading = 'eager';
        const loaded = (img: HTMLImageElement) =>
          new Promise<void>((resolve) => {
            if (img.complete) return resolve();
            img.addEventListener('load', () => resolve(), { once: true });
            img.addEventListener('error', () => resolve(), { once: true });
          });
        await Promise.all(images.map(loaded));
      });
    };
    for (const [label, viewport] of [['phone', phone], ['desktop', desktop]] as const) {
      const shot = async (page: Page, name: string) => {
        await page.mouse.move(0, 0); // no hover state left on the last button clicked
        await settle(page);
        const broken = await page.evaluate(() => Array.from(document.images).filter((img) => img.naturalWidth === 0).map((img) => img.src));
        t.same(broken, [], `${name} at ${viewport.width}px: every image loaded`);
        const overflow = await horizontalOverflow(page);
        t.equal(overflow, 0, `${name} at ${viewport.width}px: no horizontal overflow`, overflow > 0 ? { sticking_out: await overflowingElements(page) } : {});
        const file = join(screenshotDir, `${name}-${viewport.width}.png`);
        // animations: 'disabled' ends the buttons' hover transition, so the shot shows the page at rest.
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 15_000 });
        t.ok(statSync(file).size > 1000, `${file} written`);
      };
      const shopper = await newContext(`screenshots ${label}`, { viewport, isMobile: label === 'phone', hasTouch: label === 'phone' });
      const s = await shopper.newPage();
      await s.goto(storeLink);
      await hydrated(s);
      await s.locator('.card', { hasText: chai.name }).locator('button.btn-add').click();
      await s.locator('.card', { hasText: biscuits.name }).locator('button.btn-add').click();
      await s.locator('.cart-count', { hasText: /^2$/ }).waitFor();
      // The buttons' "✓ added" feedback lasts 1.5 s: shoot the page at rest.
      await s.waitForFunction(() => document.querySelectorAll('.is-added').length === 0, undefined, { timeout: 5000 });
      await shot(s, 'store');
      await s.goto(url(`/${vendor.slug}/checkout`));
      await s.locator('.line').nth(1).waitFor();
      await shot(s, 'checkout');
      await shopper.close();

      const dash = await newContext(`dashboard ${label}`, { viewport, storageState: vendorState });
      const d = await dash.newPage();
      await d.goto(url('/dashboard'));
      await hydrated(d);
      t.equal(await d.locator('.orders-table tbody tr', { hasText: '#1002' }).count(), 1, 'the dashboard shows the pending no-JS order');
      await shot(d, 'dashboard');
      await dash.close();
    }
    t.comment(`screenshots in ${screenshotDir} after ${elapsed()}`);
  });

  t.test('no console errors, uncaught exceptions or CSP violations in any page', async (t) => {
    t.same(problems.problems, [], 'nothing went wrong in the pages');
  });

  t.test('the watcher does notice a CSP violation (so the check above means something)', { timeout: 20_000 }, async (t) => {
    if (!storeLink) return t.fail('needs the store from the first test');
    const probe = new ProblemLog();
    const context = bound(await browser!.newContext());
    await probe.install(context, 'probe');
    const page = await context.newPage();
    await page.goto(storeLink);
    // img-src allows 'self', data: and https: only; the browser refuses this before any request.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://127.0.0.2:9/not-allowed.png';
      document.body.append(img);
    });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && probe.problems.filter((p) => p.kind === 'csp').length < 2) await new Promise((r) => setTimeout(r, 50));
    t.equal(probe.problems.filter((p) => p.kind === 'csp' && /^securitypolicyviolation: img-src/.test(p.text)).length, 1, 'reported by the page listener');
    t.equal(probe.problems.filter((p) => p.kind === 'csp' && /Content Security Policy/.test(p.text)).length, 1, 'and by the console');
    await context.close();
  });
}
