// The vendor's catalogue in a real browser (the reference app on SQLite, headless Chromium):
//
// 1. A product with two options (Size × Colour): "Make variants" makes four rows, each gets its
//    own price (one an MRP, one switched off), two photos come along; saved, the page offers
//    "View in store" and "Add another"; the list shows it with "from".
// 2. Bulk: both products ticked and hidden at once; one deleted after the confirmation page.
// 3. The same product form without JavaScript works the same way (it never needs it).
// 4. The form with its variant rows and the list, at phone width, without horizontal overflow.
// 5. No console errors, uncaught exceptions or CSP violations.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage } from 'playwright-core';
import t from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, screenshotDir, startBrowserApp, writeTestPng, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  variantsFlow();
}

function variantsFlow() {
  t.setTimeout(120_000);
  const phone = { width: 390, height: 844 };
  const desktop = { width: 1280, height: 800 };
  const vendor = { email: 'meera@example.com', password: 'cotton-and-silk', storeName: 'Meera Handloom', slug: 'meera-handloom' };
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-variants-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let vendorContext: BrowserContext | undefined;
  let photos: string[] = [];

  const url = (path: string) => `${app!.url}${path}`;
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = bound(await browser!.newContext({ viewport: desktop, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  /** A variant row's input (ids hold dots, so by attribute, not `#id`). */
  const cell = (row: number, field: string) => `[id="product-variants.${row}.${field}"]`;
  const failedWith = (status: number, at: string) => (m: ConsoleMessage) => m.text().includes(`status of ${status} `) && m.location().url === at;

  t.before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    photos = [writeTestPng(join(workDir, 'kurta-front.png'), 200), writeTestPng(join(workDir, 'kurta-back.png'), 240)];
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  t.test('a product with two options and photos, then bulk hide and delete', { timeout: 90_000 }, async (t) => {
    vendorContext = await newContext('vendor');
    const v = await vendorContext.newPage();
    await v.goto(url('/signup'));
    await v.fill('#signup-email', vendor.email);
    await v.fill('#signup-password', vendor.password);
    await v.fill('#signup-storeName', vendor.storeName);
    await v.fill('#signup-slug', vendor.slug);
    await Promise.all([v.waitForURL(/\/dashboard\?done=welcome$/), v.click('button[type="submit"]')]);

    await v.goto(url('/dashboard/products/new'));
    await v.fill('#product-name', 'Cotton Kurta');
    await v.fill('#product-price', '899');
    await v.fill('[id="product-options.0.name"]', 'Size');
    await v.fill('[id="product-options.0.values"]', 'S, M');
    await v.fill('[id="product-options.1.name"]', 'Colour');
    await v.fill('[id="product-options.1.values"]', 'Red, Blue');
    await Promise.all([v.waitForLoadState('load'), v.click('button[name="intent"][value="variants"]')]);
    await v.locator('.variants-table tbody tr').nth(3).waitFor();
    t.same(
      (await v.locator('.variants-table tbody th').allTextContents()).map((s) => s.trim()),
      ['Size: S · Colour: Red', 'Size: S · Colour: Blue', 'Size: M · Colour: Red', 'Size: M · Colour: Blue'],
      'one row per combination',
    );
    t.equal(await v.inputValue(cell(0, 'price')), '899', 'rows start from the typed price');
    await v.fill(cell(1, 'price'), '949');
    await v.fill(cell(2, 'price'), '999');
    await v.fill(cell(2, 'compareAtPrice'), '1299');
    await v.fill(cell(3, 'price'), '1049');
    await v.fill(cell(0, 'stock'), '4');
    await v.fill(cell(0, 'sku'), 'KUR-S-RED');
    await v.uncheck(cell(3, 'active'));
    await v.setInputFiles('#product-images', photos);

    // First an MRP below the price: the page says so beside that row's MRP, the rest as typed.
    problems.expect(failedWith(400, url('/dashboard/products')));
    await v.fill(cell(1, 'compareAtPrice'), '100');
    await Promise.all([v.waitForLoadState('load'), v.click('form.form-grid button[type="submit"]')]);
    await v.locator(`[id="product-variants.1.compareAtPrice-error"]`).waitFor();
    t.match(await v.locator(`[id="product-variants.1.compareAtPrice-error"]`).textContent(), /MRP must be more than the price/);
    t.equal(await v.inputValue(cell(2, 'compareAtPrice')), '1299', 'typed values kept');
    await v.fill(cell(1, 'compareAtPrice'), '');
    // The two photos were kept through the failed post: no need to choose them again.
    t.equal(await v.locator('input[name="keptImages"]:checked').count(), 2, 'photos kept');
    await Promise.all([v.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}\?done=created$/), v.click('form.form-grid button[type="submit"]')]);
    t.equal(await v.locator('.saved-flash p').first().textContent(), 'Product added.');
    t.equal(await v.locator('.saved-actions a', { hasText: 'View in store' }).count(), 1, 'View in store');
    t.equal(await v.locator('.saved-actions a', { hasText: 'Add another' }).count(), 1, 'Add another');
    t.match(await v.locator('a', { hasText: /^Photos \(\d\)$/ }).textContent(), 'Photos (2)', 'both photos came along');
    t.equal(await v.locator('.variants-table tbody tr').count(), 4);
    t.equal(await v.inputValue(cell(2, 'compareAtPrice')), '1299.00');
    t.equal(await v.isChecked(cell(3, 'active')), false, 'the switched-off variant stays off');

    await v.click('.saved-actions a:has-text("Add another")');
    await v.waitForURL(url('/dashboard/products/new'));
    await v.fill('#product-name', 'Plain Dupatta');
    await v.fill('#product-price', '299');
    await Promise.all([v.waitForURL(/\?done=created$/), v.click('form.form-grid button[type="submit"]')]);

    await v.goto(url('/dashboard/products'));
    t.same((await v.locator('.product-row-name').allTextContents()).sort(), ['Cotton Kurta', 'Plain Dupatta']);
    t.match(await v.locator('.product-row', { hasText: 'Cotton Kurta' }).textContent(), /from\s*₹899/, 'the list says "from" for a product whose variants differ');

    // Bulk: tick both, hide them at once.
    await v.check('.product-row:has-text("Cotton Kurta") input[name="ids"]');
    await v.check('.product-row:has-text("Plain Dupatta") input[name="ids"]');
    await Promise.all([v.waitForURL(/\/dashboard\/products\?done=saved$/), v.click('.bulk-bar button[value="hide"]')]);
    t.equal(await v.locator('.product-row .tag-hidden').count(), 2, 'both hidden');

    // Inline switch: show one again from its row.
    await Promise.all([v.waitForURL(/done=saved$/), v.click('.product-row:has-text("Plain Dupatta") .row-switches button:has-text("Show")')]);
    t.equal(await v.locator('.product-row:has-text("Plain Dupatta") .tag-active').count(), 1, 'shown again from its row');

    // Delete asks first, then deletes only the ticked one.
    await v.check('.product-row:has-text("Plain Dupatta") input[name="ids"]');
    await Promise.all([v.waitForLoadState('load'), v.click('.bulk-bar button[value="delete"]')]);
    await v.locator('#confirm-delete-title').waitFor();
    t.equal(await v.locator('#confirm-delete-title').textContent(), 'Delete 1 product?');
    await v.check('#confirm-delete-yes');
    await Promise.all([v.waitForURL(/done=deleted$/), v.click('.danger-zone button[type="submit"]')]);
    t.same(await v.locator('.product-row-name').allTextContents(), ['Cotton Kurta'], 'only the ticked product was deleted');
  });

  t.test('without JavaScript the product form makes and saves variants the same way', { timeout: 60_000 }, async (t) => {
    if (!vendorContext) return t.fail('needs the vendor from the first test');
    const state = await vendorContext.storageState();
    const context = await newContext('vendor no-js', { storageState: state, javaScriptEnabled: false });
    const v = await context.newPage();
    await v.goto(url('/dashboard/products/new'));
    await v.fill('#product-name', 'Ghee');
    await v.fill('#product-price', '450');
    await v.fill('[id="product-options.0.name"]', 'Weight');
    await v.fill('[id="product-options.0.values"]', '500 g, 1 kg');
    await Promise.all([v.waitForLoadState('load'), v.click('button[name="intent"][value="variants"]')]);
    await v.locator('.variants-table tbody tr').nth(1).waitFor();
    await v.fill(cell(1, 'price'), '850');
    await Promise.all([v.waitForURL(/\?done=created$/), v.click('form.form-grid button[type="submit"]')]);
    t.same(await v.locator('.variants-table tbody th').allTextContents(), ['Weight: 500 g', 'Weight: 1 kg']);
    t.equal(await v.inputValue(cell(1, 'price')), '850.00');
    await context.close();
  });

  t.test('the variant form and the list fit a phone and a desktop', { timeout: 60_000 }, async (t) => {
    if (!vendorContext) return t.fail('needs the vendor from the first test');
    const state = await vendorContext.storageState();
    for (const viewport of [phone, desktop]) {
      const mobile = viewport === phone;
      const context = await newContext(`vendor ${viewport.width}`, { storageState: state, viewport, isMobile: mobile, hasTouch: mobile });
      const p = await context.newPage();
      for (const [name, path] of [
        ['dashboard-products', '/dashboard/products'],
        ['dashboard-product-variants', null],
      ] as const) {
        if (path) await p.goto(url(path));
        else {
          await p.goto(url('/dashboard/products'));
          await Promise.all([p.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}$/), p.click('.product-row-name:has-text("Cotton Kurta")')]);
        }
        const overflow = await horizontalOverflow(p);
        t.equal(overflow, 0, `${name} at ${viewport.width}px: no horizontal overflow`, overflow > 0 ? { sticking_out: await overflowingElements(p) } : {});
        await p.screenshot({ path: join(screenshotDir, `${name}-${viewport.width}.png`), fullPage: true, animations: 'disabled', timeout: 15_000 });
      }
      await context.close();
    }
  });

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, [], 'nothing went wrong in the pages');
  });
}

