// The catalogue CSV in a real browser (the reference app on SQLite, headless Chromium):
//
// 1. JavaScript on: a vendor downloads the template, checks a file with a mistake (the report
//    names its row and column, nothing is written), then imports 1,500 rows with the progress bar
//    showing, and finds the products in the list; the export link gives the same catalogue back.
// 2. JavaScript off: the same form is a plain post answered by the page with its report.
// 3. The import page at phone width without horizontal overflow; no console errors, uncaught
//    exceptions or CSP violations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import t from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, startBrowserApp, type BrowserApp } from './support/browser-app.js';

const header = 'handle,name,description,category,visible,option1 name,option1 value,option2 name,option2 value,option3 name,option3 value,price,mrp,stock,sku,variant available';

/** `products` products of three Weight variants each, plus a simple one: 3 × products + 1 rows. */
function catalogue(products: number): string {
  const rows = [header, 'masala-chai,Masala chai,"Assam tea, with ginger",Tea,true,,,,,,,120.00,150.00,25,CHAI,true'];
  for (let p = 0; p < products; p++) {
    ['250 g', '500 g', '1 kg'].forEach((weight, i) => {
      const first = i === 0 ? `Sweet ${p},Made fresh,Sweets,true,Weight` : ',,,,';
      rows.push(`sweet-${p},${first},${weight},,,,,${(i + 1) * 100}.00,,${p % 9},SW-${p}-${i},true`);
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}

function importFlow() {
  t.setTimeout(120_000);
  const phone = { width: 390, height: 844 };
  const desktop = { width: 1280, height: 800 };
  const vendor = { email: 'ravi@example.com', password: 'laddoo-and-barfi', storeName: 'Ravi Sweets', slug: 'ravi-sweets' };
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-import-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let vendorContext: BrowserContext | undefined;
  const url = (path: string) => `${app!.url}${path}`;
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = bound(await browser!.newContext({ viewport: desktop, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  const badFile = join(workDir, 'bad.csv');
  const goodFile = join(workDir, 'products.csv');

  t.before(async () => {
    writeFileSync(badFile, `${header}\r\nladdoo,Laddoo,,,,,,,,,,12O,,,,\r\n`);
    writeFileSync(goodFile, catalogue(500));
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  t.test('with JavaScript: check a file with a mistake, then import 1,501 rows with progress', { timeout: 90_000 }, async (t) => {
    vendorContext = await newContext('vendor');
    const v = await vendorContext.newPage();
    await v.goto(url('/signup'));
    await v.fill('#signup-email', vendor.email);
    await v.fill('#signup-password', vendor.password);
    await v.fill('#signup-storeName', vendor.storeName);
    await v.fill('#signup-slug', vendor.slug);
    await Promise.all([v.waitForURL(/\/dashboard\?done=welcome$/), v.click('button[type="submit"]')]);

    await v.goto(url('/dashboard/products/import'));
    await v.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
    const template = await v.request.get(url('/api/v1/products/import/template'));
    t.equal(template.status(), 200);
    t.match(await template.text(), /^\ufeffhandle,name,/, 'the template downloads');

    await v.setInputFiles('#import-file', badFile);
    await v.click('button[value="check"]');
    await v.locator('.import-report').waitFor();
    t.equal(v.url(), url('/dashboard/products/import'), 'answered in place, without a page load');
    t.match(await v.locator('.import-report [role="status"]').textContent(), /1 problem in 1 row\. Nothing was changed/);
    t.same(await v.locator('.import-errors tbody td').allTextContents(), ['2', 'price', '"12O" is not a price; write it like 199.00']);

    // Record that the progress bar showed while the import ran (it may be brief).
    await v.evaluate(() => {
      const w = window as unknown as { sawProgress: string[] };
      w.sawProgress = [];
      new MutationObserver(() => {
        const label = document.querySelector('.import-progress span')?.textContent;
        if (label && w.sawProgress.at(-1) !== label) w.sawProgress.push(label);
      }).observe(document.querySelector('.import-progress')!, { childList: true, subtree: true, characterData: true });
    });
    await v.setInputFiles('#import-file', goodFile);
    const started = Date.now();
    await v.click('button[value="import"]');
    await v.locator('.import-report[data-applied="true"]').waitFor({ timeout: 60_000 });
    t.comment(`1,501 rows imported through the page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    t.match(await v.locator('.import-report [role="status"]').textContent(), /Imported 1,501 rows: 501 new products and 0 products changed/);
    const seen = await v.evaluate(() => (window as unknown as { sawProgress: string[] }).sawProgress);
    t.ok(seen.length > 0 && seen.some((label) => /Uploading|Reading|Checking|Saving/.test(label)), `progress shown: ${seen.slice(0, 6).join(' | ')}`);
    t.equal(await v.locator('.import-progress progress').count(), 0, 'and gone when done');

    await v.goto(url('/dashboard/products'));
    t.ok((await v.locator('.product-row-name').allTextContents()).includes('Sweet 499'), 'the list shows imported products');

    const exported = await v.request.get(url('/api/v1/products/export'));
    const text = (await exported.text()).replace(/^\ufeff/, '');
    t.equal(text, catalogue(500), 'the export gives the same catalogue back');

    await v.setViewportSize(phone);
    await v.goto(url('/dashboard/products/import'));
    const overflow = await horizontalOverflow(v);
    t.equal(overflow, 0, overflow ? `overflowing: ${(await overflowingElements(v)).join(', ')}` : 'no horizontal scrolling at phone width');
  });

  t.test('without JavaScript: the same form as a plain post', { timeout: 60_000 }, async (t) => {
    const context = await newContext('vendor-nojs', { javaScriptEnabled: false, storageState: await vendorContext!.storageState() });
    const v = await context.newPage();
    await v.goto(url('/dashboard/products/import'));
    await v.setInputFiles('#import-file', badFile);
    await Promise.all([v.waitForLoadState('load'), v.click('button[value="import"]')]);
    t.match(await v.locator('.import-report [role="status"]').textContent(), /Nothing was changed/);
    t.same(await v.locator('.import-errors tbody td').first().textContent(), '2');
    await v.setInputFiles('#import-file', goodFile);
    await Promise.all([v.waitForLoadState('load'), v.click('button[value="check"]')]);
    t.match(await v.locator('.import-report [role="status"]').textContent(), /1,501 rows would give 0 new products and 501 products changed/);
    await context.close();
  });

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, []);
  });
}

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  importFlow();
}
