// The vendor dashboard on a phone and a desktop (issue 14), in a real browser: the reference app
// (dist/main.js, SQLite in a temp dir) and Debian's headless Chromium, at 360 px and 1280 px, in
// English and Hindi, with JavaScript on and off. For each:
// 1. the header stays on one line ("View store", "Log out" never wrap);
// 2. phones get the bottom bar (Home, Orders with the badge, Products, Settings, More) and no
//    tab strip; wide screens the tab strip and no bar; every section is reachable;
// 3. every button, link, tab and chip of the home, orders, order and settings pages is at least
//    44 px high; the whole store link is visible; nothing scrolls sideways;
// 4. Reject asks first (a dialog with JavaScript, a confirm page without), takes a reason, and
//    the customer's order page shows it;
// 5. no console errors, uncaught exceptions or CSP violations. Screenshots go to screenshotDir.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { bound, horizontalOverflow, launchChromium, missingPieces, overflowingElements, ProblemLog, screenshotDir, startBrowserApp, type BrowserApp } from './support/browser-app.js';
import { request } from './support/http.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  dashboardFlow();
}

/** What each language's pages say where the test looks. */
const texts = {
  en: { viewStore: 'View store', logOut: 'Log out', more: 'More', rejectTitle: /^Reject order #\d+\?$/ },
  hi: { viewStore: 'स्टोर देखें', logOut: 'लॉग आउट', more: 'और', rejectTitle: /^ऑर्डर #\d+ अस्वीकार करें\?$/ },
} as const;

const sections = ['/dashboard', '/dashboard/orders', '/dashboard/products', '/dashboard/categories', '/dashboard/coupons', '/dashboard/settings', '/dashboard/webhooks', '/dashboard/account'];

function dashboardFlow() {
  t.setTimeout(300_000);
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-dashboard-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let cookie = '';
  let slug = '';
  let productId = '';

  const url = (path: string) => `${app!.url}${path}`;
  const api = (path: string, options: Parameters<typeof request>[2] = {}) => request(app!.url, path, { ...options, headers: { cookie, ...options.headers } });
  const order = async (name = 'Asha Rao') => {
    const placed = await request(app!.url, `/api/v1/stores/${slug}/orders`, {
      method: 'POST',
      json: { customer: { name, phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' }, items: [{ productId, quantity: 1 }], paymentMethod: 'cod' },
    });
    if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.text}`);
    return placed.json<{ id: string; number: number; token: string }>();
  };
  const statusOf = async (id: string) => (await api(`/api/v1/orders/${id}`)).json<{ status: string; statusReason: string | null }>();

  t.before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    // A long store name and slug: the header must still fit, the link must still show its end.
    const signup = await request(app.url, '/api/v1/vendors', {
      method: 'POST',
      json: { email: 'dasha@example.com', password: 'chai-and-biscuits', storeName: 'Sharma Ji Ki Chai Aur Nashta Dukaan', slug: 'sharma-ji-ki-chai-aur-nashta' },
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${signup.text}`);
    cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0]!;
    slug = signup.json<{ store: { slug: string } }>().store.slug;
    const product = await api('/api/v1/products', { method: 'POST', json: { name: 'Masala Chai', price: 21000, stock: 100 } });
    if (product.status !== 201) throw new Error(`product: ${product.status} ${product.text}`);
    productId = product.json<{ id: string }>().id;
    for (const name of ['Asha Rao', 'Ravi Kumar']) await order(name);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Every visible control of the page lower than 44 px, as "tag.class "text" height" (empty when none). */
  const smallTargets = (page: Page) =>
    page.evaluate(() => {
      const out: string[] = [];
      const controls = document.querySelectorAll<HTMLElement>('.dash-header a, .dash-header button, .dash-bottom a, .dash-bottom summary, main a, main button, main summary, main .chip, main .tab, main .field-check label');
      for (const el of Array.from(controls)) {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width < 2 || r.height < 2 || style.visibility === 'hidden' || el.closest('.sr-only, [hidden], dialog:not([open])')) continue;
        if (r.height < 43.5) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}" ${r.height.toFixed(1)}px`);
      }
      return out;
    });

  const combos = [360, 1280].flatMap((width) => (['en', 'hi'] as const).flatMap((lang) => [true, false].map((js) => ({ width, lang, js }))));

  for (const { width, lang, js } of combos) {
    const label = `${width}px ${lang} JavaScript ${js ? 'on' : 'off'}`;
    const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `dashboard-${name}-${width}-${lang}-${js ? 'js' : 'nojs'}.png`), fullPage: true });
    const phone = width < 720;

    t.test(label, { timeout: 120_000 }, async (t) => {
      const context: BrowserContext = bound(await browser!.newContext({ viewport: { width, height: phone ? 740 : 800 }, javaScriptEnabled: js, locale: lang === 'hi' ? 'hi-IN' : 'en-IN', timezoneId: 'Asia/Kolkata' }));
      t.teardown(() => context.close());
      await problems.install(context, label);
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: app!.url }]);
      // The dashboard speaks the vendor's own language (their account's), not the visitor's ?lang=.
      const chosen = await fetch(`${app!.url}/api/v1/me`, { method: 'PATCH', headers: { cookie, origin: app!.url, 'content-type': 'application/json' }, body: JSON.stringify({ locale: lang }), signal: AbortSignal.timeout(10_000) });
      t.equal(chosen.status, 200, `the vendor's language is ${lang}`);
      const page = await context.newPage();
      const go = async (path: string) => {
        await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
        // Pages without islands (settings) load no script, so nothing marks them hydrated.
        if (js && (await page.locator('script[data-island]').count()) > 0) await page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
      };
      const toReject = await order(`Reject ${lang} ${width} ${js}`);
      await go('/dashboard');
      t.equal(await page.getAttribute('html', 'lang'), lang);

      // 1. The header on one line.
      const brand = (await page.locator('.dash-brand').boundingBox())!;
      const view = page.locator('.dash-view');
      const logout = page.locator('.dash-logout button');
      t.equal((await view.innerText()).trim(), texts[lang].viewStore);
      t.equal((await logout.innerText()).trim(), texts[lang].logOut);
      for (const [what, box] of [['brand', brand], ['View store', (await view.boundingBox())!], ['Log out', (await logout.boundingBox())!]] as const) {
        t.ok(box.height >= 44 && box.height <= 48, `${what}: one line, 44 px high (${box.height})`);
        t.ok(Math.abs(box.y + box.height / 2 - (brand.y + brand.height / 2)) < 3, `${what}: on the header's line`);
        t.ok(box.x + box.width <= width + 0.5, `${what}: inside the screen`);
      }

      // 2. Navigation: the bottom bar on phones, the tab strip on wide screens; every section reachable.
      t.equal(await page.locator('.dash-bottom').isVisible(), phone, phone ? 'bottom bar on the phone' : 'no bottom bar on a wide screen');
      t.equal(await page.locator('.dash-nav').isVisible(), !phone, phone ? 'no tab strip on the phone' : 'the tab strip on a wide screen');
      if (phone) {
        const bar = (await page.locator('.dash-bottom').boundingBox())!;
        t.ok(Math.abs(bar.y + bar.height - 740) < 1, 'the bar sits at the bottom of the screen');
        t.match(await page.locator('.dash-bottom a[href="/dashboard/orders"] .badge [aria-hidden="true"]').innerText(), /^\d+$/, 'Orders shows the pending badge');
        await page.click('.dash-more > summary');
        t.equal((await page.locator('.dash-more > summary .nav-text').innerText()).trim(), texts[lang].more);
      }
      const navLinks = page.locator(phone ? '.dash-bottom a' : '.dash-nav a');
      const reachable: string[] = [];
      for (let i = 0; i < (await navLinks.count()); i++) if (await navLinks.nth(i).isVisible()) reachable.push((await navLinks.nth(i).getAttribute('href')) ?? '');
      t.same(reachable.sort(), [...sections].sort(), 'every section is one tap (or "More" and a tap) away');
      if (phone) await page.click('.dash-more > summary');

      // 3. The home page: the orders first, the whole link, touch targets, no sideways scrolling.
      const order1 = await page.locator('.to-act').boundingBox();
      const stats = await page.locator('.stats').boundingBox();
      t.ok(order1 && stats && order1.y < stats.y, 'orders waiting come before the numbers');
      const link = page.locator('.store-url a');
      t.equal((await link.innerText()).trim(), `${app!.url}/${slug}`, 'the whole store link, slug included');
      const linkBox = (await link.boundingBox())!;
      t.ok(linkBox.x >= 0 && linkBox.x + linkBox.width <= width, 'the link fits the screen');
      t.ok(await link.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'nothing of it is cut off');
      t.same(await smallTargets(page), [], 'home: every target at least 44 px high');
      t.equal(await horizontalOverflow(page), 0, `home: no sideways scrolling ${(await overflowingElements(page)).join(', ')}`);
      await shot(page, 'home');

      // 4. Reject asks first.
      const row = page.locator('.orders-table tr', { hasText: `#${toReject.number}` });
      t.equal(await page.locator(`#status-form-${toReject.id} button`).count(), 2, 'the row offers Accept and Reject, nothing more');
      await row.locator('button[value="rejected"]').first().click();
      const reason = `${lang === 'hi' ? 'आज दूध खत्म' : 'Out of milk today'} (${width})`;
      if (js) {
        const dialog = page.locator('dialog[open]');
        await dialog.waitFor();
        t.match((await dialog.locator('h2').innerText()).trim(), texts[lang].rejectTitle, 'a dialog asks first');
        await shot(page, 'reject-dialog');
        await dialog.locator('.btn-secondary').click();
        await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
        t.equal(await page.locator('dialog[open]').count(), 0, '"Keep the order" closes it');
        t.equal((await statusOf(toReject.id)).status, 'pending', 'nothing changed');
        await row.locator('button[value="rejected"]').first().click();
        await page.locator('dialog[open] textarea[name="reason"]').fill(reason);
        await Promise.all([page.waitForURL(/\/dashboard\?(.*&)?done=status/), page.locator('dialog[open] button[value="rejected"]').click()]);
      } else {
        await page.locator('#confirm-title').waitFor();
        t.match((await page.locator('#confirm-title').innerText()).trim(), texts[lang].rejectTitle, 'a confirm page asks first');
        t.equal((await statusOf(toReject.id)).status, 'pending', 'nothing changed yet');
        t.same(await smallTargets(page), [], 'confirm page: every target at least 44 px high');
        await shot(page, 'reject-confirm');
        await page.fill('#confirm-reason', reason);
        await Promise.all([page.waitForURL(/\/dashboard\/orders\/[0-9a-f-]{36}\?done=status/), page.click('.confirm-panel button[value="rejected"]')]);
      }
      t.match(await statusOf(toReject.id), { status: 'rejected', statusReason: reason }, 'rejected, with the reason');
      const tracking = await request(app!.url, `/${slug}/orders/${toReject.token}`);
      t.match(tracking.text, reason, "the customer's order page shows the reason");

      // The other pages: targets and overflow; the settings in groups.
      const pending = await order(`Open ${lang} ${width} ${js}`);
      for (const [name, path] of [
        ['orders', '/dashboard/orders'],
        ['order', `/dashboard/orders/${pending.id}`],
        ['settings', '/dashboard/settings'],
      ] as const) {
        await go(path);
        t.same(await smallTargets(page), [], `${name}: every target at least 44 px high`);
        t.equal(await horizontalOverflow(page), 0, `${name}: no sideways scrolling ${(await overflowingElements(page)).join(', ')}`);
        await shot(page, name);
      }
      t.equal(await page.locator('fieldset.settings-section > legend h2').count(), 6, 'settings in six named groups');
      const first = page.locator('fieldset.settings-section').first();
      t.equal(await first.locator('#settings-name').count(), 1, 'store details first');
    });
  }

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, []);
  });

}
