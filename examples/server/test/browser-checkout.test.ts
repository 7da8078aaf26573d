// Issue 14, points 1, 5 and 6 in a real browser: the reference app (examples/server/dist/main.js)
// on SQLite in a temp dir, driven by Debian's headless Chromium through playwright-core, at 360 px
// and 1280 px, in English and Hindi, with JavaScript on and off.
//
// 1. The cart is known to the server: a cart filled with JavaScript writes the `dukaan_cart`
//    cookie (not HttpOnly, on the store's path), so checkout's first HTML already lists the lines,
//    and a page of the same context with JavaScript disabled shows them too.
// 5. Checkout: the greyed "Place order" says why right under it; a quantity cut to the stock left
//    is said on its line; a line without a photo shows its initial; Remove stays inside the card;
//    without JavaScript the errors have a summary linking to each field; "012345" is told a PIN
//    never starts with 0; an empty cart shows no form and no "Place order · ₹0.00".
// 6. The order page: one status word (the tracker's), each step with its time, a cancelled order
//    says why and asks for no cash, the link can be copied or shared (Web Share, else WhatsApp),
//    and the shop can be called or sent a WhatsApp.
// Screenshots go to test-results/screenshots (gitignored). No console errors, uncaught exceptions
// or CSP violations anywhere.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, screenshotDir, startBrowserApp, type BrowserApp } from './support/browser-app.js';
import { cookiesOf, request } from './support/http.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  checkoutFlow();
}

type Lang = 'en' | 'hi';

function checkoutFlow() {
  t.setTimeout(300_000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const phone = { width: 360, height: 780 };
  const desktop = { width: 1280, height: 900 };
  const vendor = { email: 'lakshmi@example.com', password: 'filter-coffee-daily', storeName: 'Lakshmi Tea Stall', slug: 'lakshmi-tea', phone: '9876543210' };
  const words = {
    en: {
      cut: 'Only 3 left, so your quantity is now 3 instead of 5.',
      why: 'Add ₹153.00 more to place your order. The minimum order is ₹300.00.',
      empty: 'Your cart is empty',
      pinZero: 'An Indian PIN code never starts with 0. Check the first digit.',
      phone: 'Enter a 10-digit mobile number, such as 98765 43210.',
      summaryLinks: ['Mobile number', 'PIN code'],
      placed: 'Placed',
      confirmed: 'Confirmed',
      cancelled: 'Cancelled',
      nothingToPay: 'You do not need to pay anything for it.',
      keepReady: 'ready',
    },
    hi: {
      cut: 'सिर्फ़ 3 बचे हैं, इसलिए मात्रा 5 की जगह अब 3 है।',
      why: 'ऑर्डर करने के लिए ₹153.00 का सामान और जोड़ें। कम से कम ऑर्डर ₹300.00 का होना चाहिए।',
      empty: 'आपका कार्ट खाली है',
      pinZero: 'भारत का कोई भी PIN कोड 0 से शुरू नहीं होता। पहला अंक जाँच लें।',
      phone: '10 अंकों का मोबाइल नंबर लिखें, जैसे 98765 43210।',
      summaryLinks: ['मोबाइल नंबर', 'PIN कोड'],
      placed: 'ऑर्डर हुआ',
      confirmed: 'पुष्टि हुई',
      cancelled: 'रद्द',
      nothingToPay: 'इसके लिए आपको कुछ भी नहीं देना है।',
      keepReady: 'तैयार रखें',
    },
  } as const;

  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-checkout-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let api: (method: string, path: string, json?: unknown) => ReturnType<typeof request>;
  const ids = { chai: '', biscuits: '' };

  const url = (path: string) => `${app!.url}${path}`;
  const store = (path = '') => url(`/${vendor.slug}${path}`);
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> => {
    const context = bound(await browser!.newContext({ viewport: desktop, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  /** A customer at `size`, JavaScript on or off, the cart cookie set as the script writes it. */
  const customer = async (label: string, size: { width: number; height: number }, js: boolean, cart: Record<string, number> = {}) => {
    const context = await newContext(label, { viewport: size, javaScriptEnabled: js, ...(size === phone ? { isMobile: true, hasTouch: true } : {}) });
    if (Object.keys(cart).length > 0) await context.addCookies([{ name: 'dukaan_cart', value: scriptCookie(cart), domain: '127.0.0.1', path: `/${vendor.slug}` }]);
    return context;
  };
  const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
  const failedWith = (status: number, at: string) => (m: ConsoleMessage) => m.text().includes(`status of ${status} `) && m.location().url === at;
  const shot = async (page: Page, name: string) => {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `checkout-${name}.png`), fullPage: true });
  };
  const box = async (locator: Locator) => {
    const b = await locator.boundingBox();
    if (!b) throw new Error('not laid out');
    return b;
  };
  /** No horizontal scrolling, with the culprits named when there is. */
  const fits = async (t: Test, page: Page, label: string) => {
    const overflow = await horizontalOverflow(page);
    t.equal(overflow, 0, `${label}: no horizontal scrolling${overflow ? ` (${(await overflowingElements(page)).join(', ')})` : ''}`);
  };

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    const signup = await request(app.url, '/api/v1/vendors', { method: 'POST', json: { email: vendor.email, password: vendor.password, storeName: vendor.storeName, slug: vendor.slug } });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${signup.text}`);
    const cookie = cookiesOf(signup);
    api = (method, path, json) => request(app!.url, path, { method, ...(json === undefined ? {} : { json }), headers: { cookie } });
    const saved = await api('PATCH', '/api/v1/store', { phone: vendor.phone, minOrderValue: 30000, deliveryFee: 0 });
    if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${saved.text}`);
    // No photos: every line shows its initial instead.
    const chai = await api('POST', '/api/v1/products', { name: 'Masala Chai 250 g', price: 4900, stock: 3 });
    const biscuits = await api('POST', '/api/v1/products', { name: 'Ginger Biscuits', price: 6000 });
    if (chai.status !== 201 || biscuits.status !== 201) throw new Error(`products: ${chai.text} ${biscuits.text}`);
    ids.chai = chai.json().variants[0].id;
    ids.biscuits = biscuits.json().variants[0].id;
    t.comment(`app on ${app.url}, Chromium ${browser.version()}, store ready after ${elapsed()}`);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
    t.comment(`checkout browser test done in ${elapsed()}`);
  });

  t.test('1. a cart filled with JavaScript is on checkout\'s first paint, and without JavaScript in the same browser', async (t) => {
    const context = await customer('js-cart', phone, true);
    const page = await context.newPage();
    await page.goto(store());
    await hydrated(page);
    await page.locator('.card', { hasText: 'Masala Chai' }).locator('button.btn-add').click();
    await page.locator('.cart-count', { hasText: /^1$/ }).waitFor();
    await page.locator('.card', { hasText: 'Ginger Biscuits' }).locator('button.btn-add').click();
    await page.locator('.cart-count', { hasText: /^2$/ }).waitFor();

    const cart = (await context.cookies()).find((c) => c.name === 'dukaan_cart');
    t.ok(cart, 'the script wrote the cart cookie');
    t.equal(cart?.httpOnly, false, 'not HttpOnly: the script keeps it in step');
    t.equal(cart?.path, `/${vendor.slug}`, "on the store's path");
    t.equal(cart?.sameSite, 'Lax');
    t.same(JSON.parse(Buffer.from(cart?.value ?? '', 'base64url').toString('utf8')), { [ids.chai]: 1, [ids.biscuits]: 1 }, 'base64url JSON {variantId: quantity}');

    const first = await page.goto(store('/checkout'));
    // What the server sent, before any script ran (the islands' props, their texts as JSON, left out).
    const html = ((await first?.text()) ?? '').replace(/<script type="application\/json"[^>]*>.*?<\/script>/gs, '');
    t.notMatch(html, 'Your cart is empty', 'the server knows the cart before any script runs');
    t.match(html, '<p class="line-name">Masala Chai 250 g</p>');
    t.match(html, '<p class="line-name">Ginger Biscuits</p>');
    t.match(html, '<dd data-total="true">₹109.00</dd>', 'and its total');

    // The same browser, JavaScript switched off for one fresh page.
    const noJs = await context.newPage();
    const cdp = await context.newCDPSession(noJs);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await noJs.goto(store('/checkout'));
    t.equal(await noJs.evaluate(() => document.documentElement.classList.contains('js')), false, 'the page\'s scripts did not run');
    t.same(await noJs.locator('.line-name').allTextContents(), ['Masala Chai 250 g', 'Ginger Biscuits'], 'the lines are shown');
    t.equal(await noJs.locator('[data-total]').textContent(), '₹109.00');
    await context.close();
  });

  for (const lang of ['en', 'hi'] as const) {
    for (const [sizeName, size] of [['360', phone], ['1280', desktop]] as const) {
      for (const js of [true, false]) {
        const label = `${lang} ${sizeName}px JS ${js ? 'on' : 'off'}`;
        t.test(`5. checkout, ${label}: the cut quantity said, why Place order is grey, the initial, Remove inside the card`, async (t) => {
          const context = await customer(label, size, js, { [ids.chai]: 5 });
          const page = await context.newPage();
          await page.goto(store(`/checkout?lang=${lang}`));
          if (js) await hydrated(page);
          const w = words[lang];
          t.equal(await page.locator('html').getAttribute('lang'), lang);
          t.equal(await page.locator('.line-note').textContent(), w.cut, 'the quantity cut to the stock left is said on its line');
          t.equal(await page.inputValue(`#qty-${ids.chai}`), '3');

          const button = page.locator('#checkout-form button.place-order');
          t.equal(await button.isDisabled(), true, 'below the minimum: greyed');
          const why = page.locator('#place-order-why');
          t.equal(await why.textContent(), w.why, 'with the reason');
          t.equal(await button.getAttribute('aria-describedby'), 'place-order-why', 'tied to the button');
          const b = await box(button);
          const r = await box(why);
          t.ok(r.y >= b.y + b.height && r.y - (b.y + b.height) < 24, `right under the button (${Math.round(r.y - b.y - b.height)} px)`);
          t.equal(await page.locator('.totals-box .notice').count(), 0, 'said once, not also under the totals');

          const initial = page.locator('.line-img-empty');
          t.equal(await initial.textContent(), 'M', 'no photo: the initial');
          const i = await box(initial);
          t.same([Math.round(i.width), Math.round(i.height)], [64, 64]);
          t.not(await initial.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(238, 241, 244)', 'tinted, not the blank grey square');

          const card = await box(page.locator('.checkout-cart'));
          const remove = await box(page.locator('.line-remove').first());
          t.ok(remove.x + remove.width <= card.x + card.width + 0.5, `Remove inside the card (${Math.round(remove.x + remove.width)} <= ${Math.round(card.x + card.width)})`);
          t.ok(remove.height >= 44, 'Remove is a 44 px target');
          if (!js) t.equal(await page.locator('.line-qty button').isVisible(), true, 'Update shown without JavaScript');
          await fits(t, page, label);
          await shot(page, `${lang}-${sizeName}-${js ? 'js' : 'nojs'}`);
          await context.close();
        });
      }
    }
  }

  for (const lang of ['en', 'hi'] as const) {
    t.test(`5. without JavaScript (${lang}): the errors' summary links to each field; "012345" is told a PIN never starts with 0`, async (t) => {
      const context = await customer(`nojs-errors-${lang}`, phone, false, { [ids.chai]: 3, [ids.biscuits]: 5 });
      const page = await context.newPage();
      await page.goto(store(`/checkout?lang=${lang}`));
      problems.expect(failedWith(400, store('/checkout')));
      await page.fill('#checkout-name', 'Ravi Kumar');
      await page.fill('#checkout-phone', '12345');
      await page.fill('#checkout-house', '4');
      await page.fill('#checkout-street', 'Lake View Road');
      await page.fill('#checkout-city', 'Bengaluru');
      await page.selectOption('#checkout-state', 'Karnataka');
      await page.fill('#checkout-pincode', '012345');
      await Promise.all([page.waitForURL(store('/checkout')), page.click('#checkout-form button.place-order')]);
      const w = words[lang];
      const summary = page.locator('.error-summary');
      // The refusal answers at the same URL (or in place, with JavaScript): wait for the summary itself.
      await summary.waitFor();
      t.equal(await summary.isVisible(), true, 'a summary');
      t.same(await summary.locator('a').allTextContents(), w.summaryLinks, 'a link to each field, by its name');
      t.same(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#checkout-phone', '#checkout-pincode']);
      const s = await box(summary);
      const form = await box(page.locator('#checkout-form'));
      t.ok(s.y < form.y, 'above the form');
      t.equal(await page.locator('#checkout-pincode-error').textContent(), w.pinZero);
      t.equal(await page.locator('#checkout-phone-error').textContent(), w.phone);
      t.equal(await page.getAttribute('#checkout-pincode', 'aria-invalid'), 'true');
      t.equal(await page.inputValue('#checkout-name'), 'Ravi Kumar', 'what was typed is kept');
      t.equal(await page.locator('.field-error', { hasText: w.pinZero }).count(), 1, 'each message said once');
      await page.click('.error-summary a[href="#checkout-pincode"]');
      t.match(page.url(), /#checkout-pincode$/, 'the link goes to the field');
      await fits(t, page, `errors ${lang}`);
      await shot(page, `errors-${lang}-360-nojs`);
      await context.close();
    });
  }

  for (const js of [true, false]) {
    t.test(`5. an empty cart (JS ${js ? 'on' : 'off'}): no form, no "Place order · ₹0.00", a way back to the shop`, async (t) => {
      const context = await customer(`empty-${js}`, phone, js, { [ids.biscuits]: 1 });
      const page = await context.newPage();
      await page.goto(store('/checkout'));
      if (js) await hydrated(page);
      t.equal(await page.locator('.line').count(), 1);
      await Promise.all([js ? Promise.resolve() : page.waitForURL(store('/checkout')), page.click('.line-remove')]);
      await page.locator('.checkout-empty').waitFor();
      t.equal(await page.locator('#cart-title').textContent(), words.en.empty);
      t.equal(await page.locator('#checkout-form').count(), 0, 'no form');
      t.equal(await page.getByText('Place order').count(), 0, 'no Place order');
      t.equal(await page.locator('.checkout-empty a.btn').getAttribute('href'), `/${vendor.slug}`, 'Continue shopping');
      t.notOk((await context.cookies()).some((c) => c.name === 'dukaan_cart' && c.value !== ''), 'the cookie follows the emptied cart');
      await shot(page, `empty-en-360-${js ? 'js' : 'nojs'}`);
      await context.close();
    });
  }

  t.test('5. with JavaScript, typing more than is left is cut and said, in Hindi too', async (t) => {
    const context = await customer('js-cut', phone, true, { [ids.chai]: 1, [ids.biscuits]: 5 });
    const page = await context.newPage();
    await page.goto(store('/checkout?lang=hi'));
    await hydrated(page);
    await page.locator(`#qty-${ids.chai}`).fill('9');
    await page.locator(`#qty-${ids.chai}`).dispatchEvent('change');
    await page.locator('.line-note').waitFor();
    t.equal(await page.locator('.line-note').textContent(), 'सिर्फ़ 3 बचे हैं, इसलिए मात्रा 9 की जगह अब 3 है।');
    t.equal(await page.inputValue(`#qty-${ids.chai}`), '3');
    const cart = (await context.cookies()).find((c) => c.name === 'dukaan_cart');
    t.same(JSON.parse(Buffer.from(cart?.value ?? '', 'base64url').toString('utf8')), { [ids.chai]: 3, [ids.biscuits]: 5 }, 'the cookie in step with the change');
    await context.close();
  });

  t.test('6. the order page: one status word, each step\'s time, copy and share, the shop\'s phone and WhatsApp; cancelled: why, and no cash asked', async (t) => {
    const context = await customer('order', phone, true, { [ids.chai]: 3, [ids.biscuits]: 5 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app!.url });
    const page = await context.newPage();
    await page.goto(store('/checkout'));
    await hydrated(page);
    await page.fill('#checkout-name', 'Ravi Kumar');
    await page.fill('#checkout-phone', '98123 45678');
    await page.fill('#checkout-house', '4');
    await page.fill('#checkout-street', 'Lake View Road');
    await page.fill('#checkout-city', 'Bengaluru');
    await page.selectOption('#checkout-state', 'Karnataka');
    await page.fill('#checkout-pincode', '560038');
    await Promise.all([page.waitForURL(new RegExp(`/${vendor.slug}/orders/[^/?]+\\?placed=1$`)), page.click('#checkout-form button.place-order')]);
    const orderUrl = page.url().replace(/\?placed=1$/, '');
    t.equal(await page.locator('.order-head .status').textContent(), words.en.placed, 'one word: the tracker\'s');
    t.notMatch(await page.locator('main').textContent(), 'Pending');
    t.equal(await page.locator('.tracker [aria-current="step"] .tracker-word').textContent(), words.en.placed, 'badge and tracker agree');
    t.equal(await page.locator('.tracker [aria-current="step"] time').count(), 1, 'the step has its time');
    t.notOk((await context.cookies()).some((c) => c.name === 'dukaan_cart'), 'the cart cookie is cleared with the placed order');

    // Copy: the full link on the clipboard.
    await page.click('.copy-link button');
    await page.locator('.copy-status', { hasText: 'Link copied.' }).waitFor();
    t.equal(await page.evaluate(() => navigator.clipboard.readText()), orderUrl, 'Copy puts the order link on the clipboard');
    // Share: the system sheet where there is one, WhatsApp where there is none.
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    if (hasShare) t.equal(await page.locator('.share-button').isVisible(), true, 'the share sheet button');
    else t.match(await page.getAttribute('a.share-whatsapp', 'href'), /^https:\/\/wa\.me\/\?text=/, 'no share sheet here: WhatsApp');
    await context.addInitScript(() => {
      const shared: unknown[] = [];
      (window as unknown as { __shared: unknown[] }).__shared = shared;
      Object.defineProperty(navigator, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()), configurable: true });
    });
    const withShare = await context.newPage();
    await withShare.goto(orderUrl);
    await hydrated(withShare);
    await withShare.click('.share-button');
    const shared = (await withShare.evaluate(() => (window as unknown as { __shared: Array<{ url: string; text: string }> }).__shared))[0];
    t.equal(shared?.url, orderUrl, 'Web Share gets the order link');
    t.match(shared?.text, /^My order #1001 at Lakshmi Tea Stall$/);
    await withShare.close();

    // Contact the shop.
    t.match(await page.getAttribute('a.contact-call', 'href'), /^tel:(\+91)?9876543210$/);
    t.match(await page.getAttribute('a.contact-whatsapp', 'href'), /^https:\/\/wa\.me\/919876543210\?text=Hello%20Lakshmi%20Tea%20Stall%2C%20about%20my%20order%20%231001/);
    for (const link of ['a.contact-call', 'a.contact-whatsapp', '.copy-link button']) t.ok((await box(page.locator(link))).height >= 44, `${link} is a 44 px target`);

    const [order] = (await api('GET', '/api/v1/orders')).json().items;
    t.equal((await api('POST', `/api/v1/orders/${order.id}/status`, { status: 'accepted' })).status, 200);
    for (const lang of ['en', 'hi'] as const) {
      for (const [sizeName, size] of [['360', phone], ['1280', desktop]] as const) {
        for (const js of [true, false]) {
          const viewer = await customer(`order ${lang} ${sizeName} ${js}`, size, js);
          const p = await viewer.newPage();
          await p.goto(`${orderUrl}?lang=${lang}`);
          if (js) await hydrated(p);
          t.equal(await p.locator('.order-head .status').textContent(), words[lang].confirmed, `${lang} ${sizeName} ${js}: the badge`);
          t.equal(await p.locator('.tracker time').count(), 2, `${lang} ${sizeName} ${js}: placed and confirmed, each with its time`);
          t.equal(await p.locator('.tracker [aria-current="step"] .tracker-word').textContent(), words[lang].confirmed);
          if (!js) t.match(await p.getAttribute('a.share-whatsapp', 'href'), /^https:\/\/wa\.me\/\?text=/, 'without JavaScript: WhatsApp');
          await fits(t, p, `order ${lang} ${sizeName} ${js}`);
          await shot(p, `order-${lang}-${sizeName}-${js ? 'js' : 'nojs'}`);
          await viewer.close();
        }
      }
    }

    t.equal((await api('POST', `/api/v1/orders/${order.id}/status`, { status: 'cancelled', reason: 'Shop closed for Pongal' })).status, 200);
    for (const lang of ['en', 'hi'] as const) {
      await page.goto(`${orderUrl}?lang=${lang}`);
      const w = words[lang];
      t.equal(await page.locator('.order-head .status').textContent(), w.cancelled);
      t.equal(await page.locator('.tracker li').count(), 2, 'placed, then where it stopped');
      t.match(await page.locator('.order-stopped').textContent(), 'Shop closed for Pongal', 'why it stopped');
      t.match(await page.locator('.order-stopped').textContent(), w.nothingToPay);
      t.notMatch(await page.locator('main').textContent(), w.keepReady, 'no cash to keep ready');
      await shot(page, `order-cancelled-${lang}-360-js`);
    }
    await context.close();
  });

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, [], 'none');
  });
}

/** The cart cookie as islands/cart-storage.ts writes it. */
function scriptCookie(cart: Record<string, number>): string {
  return Buffer.from(JSON.stringify(cart), 'utf8').toString('base64url');
}
