// The catalogue forms of the dashboard in a real browser (the reference app on SQLite, headless
// Chromium), at 360 px and 1280 px, in English and Hindi, with JavaScript on and off:
//
// 1. Categories: added ones go last; the up arrow swaps a row with the one above; Delete asks
//    first (a <dialog> with JavaScript, the confirmation page without) and Cancel deletes nothing.
// 2. The product form starts with the pictures: a drop-or-pick area taking several files, shown
//    as previews with JavaScript; an MRP below the price is refused beside the MRP, in the page's
//    language, and the chosen pictures are kept through that failed post; after the save a note
//    offers "View in store" and "Add another".
// 3. Every button and link of these forms is at least 44 px tall; no horizontal scrolling at 360 px.
// 4. No console errors, uncaught exceptions or CSP violations.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, screenshotDir, startBrowserApp, writeTestPng, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  catalogueForms();
}

type Lang = 'en' | 'hi';

/** What the assertions read in each language. */
/** axe-core's browser build, evaluated in pages with JavaScript (page.evaluate is not subject to the CSP). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const texts: Record<Lang, { title: string; mrpError: RegExp; added: string; confirm: RegExp }> = {
  en: { title: 'Categories', mrpError: /^MRP must be more than the price/, added: 'Product added.', confirm: /^Delete the category “Snacks”\?$/ },
  hi: { title: 'कैटेगरी', mrpError: /^MRP दाम से ज़्यादा होना चाहिए/, added: 'प्रोडक्ट जुड़ गया।', confirm: /^कैटेगरी “Snacks” हटाएँ\?$/ },
};

function catalogueForms() {
  t.setTimeout(300_000);
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-catalogue-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let photos: string[] = [];
  const url = (path: string) => `${app!.url}${path}`;
  const failedWith = (status: number) => (m: ConsoleMessage) => m.text().includes(`status of ${status} `) && m.location().url.startsWith(url('/dashboard/products'));

  t.before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    photos = [writeTestPng(join(workDir, 'tea-front.png'), 200), writeTestPng(join(workDir, 'tea-box.png'), 240)];
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    problems.expect(failedWith(400));
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Every visible button and button-like link under `scope` is at least 44 px tall (and wide). */
  async function touchTargets(t: Test, page: Page, scope: string, what: string) {
    const boxes = await page.locator(`${scope} button:visible, ${scope} a.btn:visible`).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    );
    t.ok(boxes.length > 0, `${what}: some targets`);
    const small = boxes.filter((b) => b.height < 44 || b.width < 44);
    t.same(small, [], `${what}: every target at least 44 px`);
  }

  /** axe-core's WCAG A/AA checks on `main` (pages with JavaScript only). */
  async function accessible(t: Test, page: Page, what: string) {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: string, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const result = await axe.run('main', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
    });
    t.same(violations, [], `${what}: no axe violations`);
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled', timeout: 15_000 });
  }

  async function noOverflow(t: Test, page: Page, what: string) {
    const overflow = await horizontalOverflow(page);
    t.equal(overflow, 0, `${what}: no horizontal overflow`, overflow > 0 ? { sticking_out: await overflowingElements(page) } : {});
  }

  const names = (page: Page) => page.locator('.category-row input[name="name"]').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));

  let n = 0;
  for (const width of [360, 1280]) {
    for (const lang of ['en', 'hi'] as const) {
      for (const js of [true, false]) {
        const label = `${width}-${lang}-${js ? 'js' : 'nojs'}`;
        t.test(`catalogue forms at ${width}px, ${lang}, JavaScript ${js ? 'on' : 'off'}`, { timeout: 90_000 }, async (t) => {
          const mobile = width === 360;
          const context = bound(
            await browser!.newContext({ viewport: { width, height: mobile ? 780 : 800 }, isMobile: mobile, hasTouch: mobile, javaScriptEnabled: js, locale: 'en-IN', timezoneId: 'Asia/Kolkata' }),
          );
          await problems.install(context, label);
          t.teardown(() => context.close());
          const page = await context.newPage();
          const ready = async () => {
            if (js) await page.waitForFunction(() => document.documentElement.classList.contains('js'));
          };
          const i = ++n;
          await page.goto(url(`/signup?lang=${lang}`));
          await page.fill('#signup-email', `catalogue${i}@example.com`);
          await page.fill('#signup-password', 'loose-leaf-tea');
          await page.fill('#signup-storeName', `Chai Ghar ${i}`);
          await page.fill('#signup-slug', `chai-ghar-${i}`);
          await Promise.all([page.waitForURL(/\/dashboard\?done=welcome$/), page.click('main button[type="submit"]')]);

          // --- categories: added last, moved with the arrows ---
          // Each move answers 303 to the list at the moved row (#cat-<id>); wait for that new URL, not
          // merely one with #cat- (the previous move's page already has one).
          const move = async (row: number, direction: 'up' | 'down') => {
            const before = page.url();
            await Promise.all([
              page.waitForURL((u) => /\/dashboard\/categories#cat-/.test(u.href) && u.href !== before, { waitUntil: 'load' }),
              page.click(`.category-row:nth-child(${row}) .move-form:has(input[value="${direction}"]) button`),
            ]);
          };
          await page.goto(url('/dashboard/categories'));
          t.equal(await page.locator('h1').textContent(), texts[lang].title, 'in the chosen language');
          for (const name of ['Tea', 'Snacks', 'Sweets']) {
            await page.fill('#category-name', name);
            // The same URL after every add: wait for the navigation itself, not a URL already matched.
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[action$="/dashboard/categories"] button[type="submit"]')]);
          }
          t.same(await names(page), ['Tea', 'Snacks', 'Sweets'], 'new ones go last');
          t.equal(await page.locator('.category-row input[name="position"], #category-position').count(), 0, 'no raw position numbers');
          await move(3, 'up');
          t.same(await names(page), ['Tea', 'Sweets', 'Snacks'], 'up swaps with the row above');
          await move(1, 'down');
          t.same(await names(page), ['Sweets', 'Tea', 'Snacks'], 'down swaps with the row below');
          await ready();
          await touchTargets(t, page, '.category-rows', 'category rows');
          if (js) await accessible(t, page, 'categories');
          if (mobile) await noOverflow(t, page, 'categories');
          await shot(page, `catalogue-categories-${label}`);

          // --- delete asks first ---
          const snacksDelete = page.locator('.category-row:nth-child(3) a.btn-danger-outline');
          if (js) {
            await snacksDelete.click();
            const dialog = page.locator('.category-row:nth-child(3) dialog.confirm-dialog');
            await dialog.waitFor({ state: 'visible' });
            t.match(await dialog.locator('h2').textContent(), texts[lang].confirm, 'the dialog names the category');
            t.ok(page.url().endsWith('/dashboard/categories') || page.url().includes('/dashboard/categories#'), 'still on the list');
            await touchTargets(t, page, '.category-row:nth-child(3) dialog', 'the dialog');
            await accessible(t, page, 'the dialog');
            await shot(page, `catalogue-category-confirm-${label}`);
            await dialog.locator('button[type="button"]').click();
            await dialog.waitFor({ state: 'hidden' });
            t.equal(await page.locator('.category-row').count(), 3, 'Cancel deletes nothing');
            await snacksDelete.click();
            await dialog.waitFor({ state: 'visible' });
            await Promise.all([page.waitForURL(/done=deleted$/), dialog.locator('button[type="submit"]').click()]);
          } else {
            await Promise.all([page.waitForURL(/\/dashboard\/categories\/[0-9a-f-]{36}\/delete$/), snacksDelete.click()]);
            t.match(await page.locator('#confirm-delete-title').textContent(), texts[lang].confirm, 'the confirmation page names the category');
            t.equal(await page.locator('.category-row').count(), 3, 'nothing deleted yet');
            await touchTargets(t, page, '.confirm-panel', 'the confirmation');
            await shot(page, `catalogue-category-confirm-${label}`);
            await Promise.all([page.waitForURL(/done=deleted$/), page.click('.confirm-panel button[type="submit"]')]);
          }
          t.same(await names(page), ['Sweets', 'Tea'], 'deleted after the confirmation');

          // --- the product form: pictures first, previews, the MRP error, pictures kept ---
          await page.goto(url('/dashboard/products/new'));
          await ready();
          const drop = await page.locator('.drop-area').boundingBox();
          const name = await page.locator('#product-name').boundingBox();
          t.ok(drop && name && drop.y + drop.height <= name.y, 'the picture area comes before the name');
          t.ok(drop && drop.height >= 88 && drop.width >= 200, 'a large area to tap or drop onto');
          t.equal(await page.locator('#product-images').getAttribute('multiple'), '', 'several files at once');
          await page.setInputFiles('#product-images', photos);
          if (js) {
            await page.locator('.photo-previews img').nth(1).waitFor();
            const sources = await page.locator('.photo-previews img').evaluateAll((els) => els.map((el) => (el as HTMLImageElement).src.slice(0, 15)));
            t.same(sources, ['data:image/png', 'data:image/png'].map((s) => `${s};`), 'a preview of each chosen file');
            await shot(page, `catalogue-product-previews-${label}`);
          } else {
            t.equal(await page.locator('.photo-previews').count(), 0, 'no previews without JavaScript');
            await shot(page, `catalogue-product-chosen-${label}`);
          }
          if (mobile) await noOverflow(t, page, 'product form with files chosen');
          await page.fill('#product-name', 'Assam Tea');
          await page.fill('#product-price', '500');
          await page.fill('#product-compareAtPrice', '400');
          await Promise.all([page.waitForLoadState('load'), page.click('form.form-grid .form-actions-top button[type="submit"]')]);
          await page.locator('#product-compareAtPrice-error').waitFor();
          t.match(await page.locator('#product-compareAtPrice-error').textContent(), texts[lang].mrpError, 'the MRP error, in the page language');
          t.equal(await page.locator('#product-compareAtPrice').getAttribute('aria-invalid'), 'true');
          const mrpBox = await page.locator('#product-compareAtPrice').boundingBox();
          const errorBox = await page.locator('#product-compareAtPrice-error').boundingBox();
          t.ok(mrpBox && errorBox && errorBox.y >= mrpBox.y + mrpBox.height - 1 && errorBox.y - (mrpBox.y + mrpBox.height) < 24, 'the error sits right under the MRP');
          t.equal(await page.locator('input[name="keptImages"]:checked').count(), 2, 'both pictures kept through the failed post');
          t.equal(await page.inputValue('#product-name'), 'Assam Tea', 'typed values kept');
          if (mobile) await noOverflow(t, page, 'product form with an error');
          if (js) await accessible(t, page, 'product form with an error');
          await shot(page, `catalogue-product-error-${label}`);

          await page.fill('#product-compareAtPrice', '600');
          await Promise.all([page.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}\?done=created$/), page.click('form.form-grid .form-actions-top button[type="submit"]')]);
          t.equal(await page.locator('.saved-flash p').first().textContent(), texts[lang].added);
          t.equal(await page.locator('.flash:not(.saved-flash)').count(), 0, 'said once');
          const links = page.locator('.saved-actions a');
          t.equal(await links.count(), 2, 'View in store and Add another');
          t.equal(await links.nth(0).getAttribute('href'), `/chai-ghar-${i}/p/assam-tea`);
          t.equal(await page.locator('.current-pictures img').count(), 2, 'saved with the kept pictures');
          await touchTargets(t, page, '.saved-flash', 'after-save links');
          if (js) await accessible(t, page, 'product form after the save');
          await shot(page, `catalogue-product-saved-${label}`);
          await Promise.all([page.waitForURL(/\/dashboard\/products\/new$/), links.nth(1).click()]);
        });
      }
    }
  }

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, [], 'nothing went wrong in the pages');
  });
}
