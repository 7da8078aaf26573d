// The store and product pages of issue 14 (points 3 and 4) in a real browser: the reference app on
// SQLite, Debian's headless Chromium at 360 px and 1280 px, in English and Hindi, with JavaScript
// on and off. Each run checks the fixed points: the store's name shown once, one "Sold out" per
// sold-out card and those cards last, delivery terms, −/+ steppers that show "In cart (2)" and move
// nothing when they appear, touch targets of 44 px, no sideways scrolling, the cart link answering
// an HTML page, and a dead product link inside the store's own page. Screenshots go to screenshotDir.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import t from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, screenshotDir, startBrowserApp, writeTestPng, type BrowserApp } from './support/browser-app.js';

const texts = {
  en: { soldOut: 'Sold out', addToCart: 'Add to cart', inCart: (n: number) => `In cart (${n})`, fee: 'Delivery ₹40', minimum: 'Minimum order ₹200', missing: 'This product is not here any more' },
  hi: { soldOut: 'स्टॉक खत्म', addToCart: 'कार्ट में डालें', inCart: (n: number) => `कार्ट में (${n})`, fee: 'डिलीवरी ₹40', minimum: 'कम से कम ऑर्डर ₹200', missing: 'यह प्रोडक्ट अब यहाँ नहीं है' },
} as const;

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  browserStore();
}


function browserStore() {
  t.setTimeout(240_000);
  const slug = 'chai-adda';
  const storeName = 'Chai Adda';
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-store-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let cookie = '';
  let chaiId = '';

  const url = (path: string) => `${app!.url}${path}`;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url(path), {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), origin: app!.url },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const upload = async (productId: string, png: string) => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(png)], { type: 'image/png' }), 'photo.png');
    const res = await fetch(url(`/api/v1/products/${productId}/images`), { method: 'POST', headers: { cookie, origin: app!.url }, body: form });
    if (res.status !== 201) throw new Error(`upload failed: ${await res.text()}`);
  };

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    const signup = await fetch(url('/api/v1/vendors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ravi@example.com', password: 'cutting-chai-always', storeName, slug }),
    });
    if (signup.status !== 201) throw new Error(`signup failed: ${await signup.text()}`);
    cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const settings = await api('PATCH', '/api/v1/store', { deliveryFee: 4000, freeDeliveryAbove: 49900, minOrderValue: 20000 });
    if (settings.status !== 200) throw new Error(`settings failed: ${JSON.stringify(settings.body)}`);
    // Long category names: the chips overflow a phone's width.
    for (const name of ['Loose leaf tea', 'Masala and spices', 'Biscuits and rusks', 'Gift hampers', 'Kettles and cups']) await api('POST', '/api/v1/categories', { name });
    // The sold-out ones first, so only the page's order can put them last.
    await api('POST', '/api/v1/products', { name: 'Kesar Kulfi', price: 9950, stock: 0 });
    await api('POST', '/api/v1/products', { name: 'Rose Lassi', price: 6000, stock: 0 });
    const chai = await api('POST', '/api/v1/products', { name: 'Masala Chai', price: 24900, compareAtPrice: 29900, stock: 10, description: 'Strong CTC tea with cardamom and ginger.' });
    chaiId = chai.body['id'] as string;
    await upload(chaiId, writeTestPng(join(workDir, 'cup.png')));
    await upload(chaiId, writeTestPng(join(workDir, 'cup-large.png'), 200));
    for (const name of ['Ginger Biscuits', 'Elaichi Rusk', 'Assam Gold Tea with a rather long name']) await api('POST', '/api/v1/products', { name, price: 12000 });
    mkdirSync(screenshotDir, { recursive: true });
    // The dead link's 404 is the point of one step; Chromium logs every 4xx document as an error.
    problems.expect((m) => /status of 404/.test(m.text()) && m.location().url.includes('/p/no-such-chai'));
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Visible elements people tap that are shorter than 44 px. */
  const smallTargets = (page: Page) =>
    page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('main .btn, main .chip, main .step-btn, main .crumbs a, main .gallery-thumb, main .share, footer .lang-chooser a')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.height < 43.5) out.push(`${el.className || el.tagName} "${el.textContent?.trim()}" ${Math.round(r.height)}px`);
      }
      return out;
    });
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  /** axe-core's WCAG 2 A/AA findings on the page, as "rule: target" lines. */
  const axeViolations = async (page: Page) => {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    });
  };
  /** Every card's box, to compare before and after adding to the cart. */
  const cardBoxes = (page: Page) =>
    page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect()).map((r) => [Math.round(r.x + scrollX), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)]));

  for (const width of [360, 1280]) {
    for (const locale of ['en', 'hi'] as const) {
      for (const js of [true, false]) {
        const label = `${width}px ${locale} ${js ? 'JS' : 'no-JS'}`;
        const shot = (name: string) => join(screenshotDir, `store-${name}-${width}-${locale}-${js ? 'js' : 'nojs'}.png`);
        const say = texts[locale];
        t.test(label, { timeout: 90_000 }, async (t) => {
          const context = bound(await browser!.newContext({ viewport: { width, height: 800 }, locale: locale === 'hi' ? 'hi-IN' : 'en-IN', javaScriptEnabled: js }));
          await problems.install(context, label);
          const page = await context.newPage();
          const ready = async () => {
            if (js) await page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
          };
          /** A tap on a cart button: handled in place with JavaScript, a form post and a new page without. */
          const press = async (button: ReturnType<Page['locator']>) => {
            if (js) await button.click();
            else await Promise.all([page.waitForEvent('load'), button.click()]);
          };
          await page.goto(url(`/${slug}?lang=${locale}`));
          await ready();
          t.equal(await page.getAttribute('html', 'lang'), locale);

          // The name once: the header (the heading is only read out).
          const shownNames = await page.evaluate((name) => {
            // Shown: a box of more than a pixel, outside the visually hidden (.sr-only) texts read to screen readers.
            const all = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter((el) => el.children.length === 0 && el.textContent?.trim() === name);
            return all.filter((el) => !el.closest('.sr-only') && el.getBoundingClientRect().width > 2).length;
          }, storeName);
          t.equal(shownNames, 1, 'the store name shows once (the header)');
          // Sold-out cards last, each with one "Sold out".
          const soldOut = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.classList.contains('is-soldout')));
          t.same(soldOut, [false, false, false, false, true, true], 'the two sold-out cards are last');
          for (const card of await page.locator('.card.is-soldout').all()) t.equal(await card.getByText(say.soldOut).filter({ visible: true }).count(), 1, 'one "Sold out" on the card');
          t.equal(await page.locator('.delivery-terms li', { hasText: say.fee }).count(), 1, 'the delivery fee');
          t.equal(await page.locator('.delivery-terms li', { hasText: say.minimum }).count(), 1, 'the minimum order');
          t.match(await page.locator('.card', { hasText: 'Masala Chai' }).locator('.price-now').textContent(), /^₹249$/, 'no paise on a whole price');
          t.ok((await page.locator('.card .no-photo').count()) >= 5, 'products without photos: the small neutral sign');
          const letter = await page.locator('.card .no-photo svg').first().boundingBox();
          t.ok(letter && letter.height <= 40, 'a small sign, not a big letter');
          if (width === 360) {
            const chips = await page.locator('nav.chips').evaluate((n) => ({ scroll: n.scrollWidth, client: n.clientWidth, mask: getComputedStyle(n).maskImage || getComputedStyle(n).webkitMaskImage }));
            t.ok(chips.scroll > chips.client, 'the chips scroll sideways on a phone');
            t.match(chips.mask, /gradient/, 'and fade at the edge, a hint there is more');
          }
          const addButton = page.locator('.card', { hasText: 'Masala Chai' }).locator('form[data-cart-add] button');
          const addBox = await addButton.boundingBox();
          t.ok(addBox && addBox.height <= 46, `"${say.addToCart}" on one line (${addBox?.height}px)`);
          t.same(await smallTargets(page), [], 'every button, chip and link to tap is 44 px high');
          t.equal(await horizontalOverflow(page), 0, `no sideways scrolling ${JSON.stringify(await overflowingElements(page))}`);
          // axe-core needs the page's timers: it runs where JavaScript is on (the markup is the same without).
          if (js) t.same(await axeViolations(page), [], 'no WCAG 2 A/AA problem axe-core can find on the store page');
          await page.screenshot({ path: shot('list'), fullPage: true });

          // Add, then +: the stepper takes the button's place, the card says "In cart (2)", nothing moves.
          const before = await cardBoxes(page);
          const item = page.locator(`[data-cart-item="${chaiId}"]`).first();
          await press(addButton);
          await item.locator('form[data-cart-step]').waitFor();
          await ready();
          t.same(await cardBoxes(page), before, 'no card moved when the stepper appeared');
          await press(item.locator('button[data-step="1"]'));
          const badge = page.locator(`[data-cart-badge="${chaiId}"]`);
          await badge.filter({ hasText: say.inCart(2) }).waitFor();
          t.equal(await badge.textContent(), say.inCart(2), 'the card says how many are in the cart');
          t.same(await cardBoxes(page), before, 'nor after the second');
          t.same(await smallTargets(page), [], 'the stepper buttons are 44 px too');
          await page.screenshot({ path: shot('in-cart') });
          await press(item.locator('button[data-step="-1"]'));
          await badge.filter({ hasText: say.inCart(1) }).waitFor();
          t.pass('− takes one away');

          // The product page: steppers, not a number box; a share button; dots or thumbnails.
          await page.goto(url(`/${slug}/p/masala-chai`));
          await ready();
          t.equal(await page.locator('input[type="number"]').count(), 0, 'no bare number box');
          t.equal(await page.locator('.product-info [data-cart-label]').textContent(), say.inCart(1), 'the product page knows the cart too');
          t.equal(await page.locator('.share').filter({ visible: true }).count(), 1, 'a share button');
          t.equal(await page.locator('.gallery-thumb').count(), 2, 'a dot or thumbnail per picture');
          t.same(await smallTargets(page), [], 'its targets are 44 px');
          t.equal(await horizontalOverflow(page), 0, `no sideways scrolling ${JSON.stringify(await overflowingElements(page))}`);
          if (js) t.same(await axeViolations(page), [], 'nor on the product page');
          await page.screenshot({ path: shot('product'), fullPage: true });

          // The cart link is a page, not JSON.
          const cart = await page.goto(url(`/${slug}/cart`));
          t.match(cart?.headers()['content-type'] ?? '', /text\/html/, 'the cart link answers HTML');
          t.match(page.url(), new RegExp(`/${slug}/checkout$`), 'the cart page');
          await ready();
          await page.getByText('Masala Chai').first().waitFor();
          t.pass('listing the cart');

          // A dead product link: the store's own page, the way back, never the vendor login.
          const dead = await page.goto(url(`/${slug}/p/no-such-chai`));
          t.equal(dead?.status(), 404);
          t.equal(await page.locator('.shop-header .shop-name').textContent(), storeName, "the store's header");
          t.match(await page.locator('main h1').textContent(), say.missing);
          t.equal(await page.locator(`main a[href="/${slug}"]`).count(), 1, 'a link back to the store');
          t.equal(await page.locator('a[href*="login"]').count(), 0, 'no vendor login');
          await page.screenshot({ path: shot('missing') });
          await context.close();
        });
      }
    }
  }

  t.test('no console errors, page errors or CSP violations', async (t) => {
    t.same(problems.problems, []);
  });
}
