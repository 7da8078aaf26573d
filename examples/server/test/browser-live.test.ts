// The live dashboard in a real browser: the reference app on SQLite, Debian's headless Chromium
// (playwright-core, a persistent context). A vendor has the dashboard open; an order placed
// through the API appears at the top of the page, linking to it, and the tab's title counts the
// orders waiting, without a reload; the same on the orders page. The sound switch is remembered.
// No console errors, uncaught exceptions or CSP violations. Every wait is bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import t from 'tap';
import { request } from './support/http.js';
import { bound, chromiumArgs, chromiumPath, missingPieces, ProblemLog, startBrowserApp, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  browserLive();
}

function browserLive() {
  t.setTimeout(90_000);
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-live-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let context: BrowserContext | undefined;
  let cookie = '';
  let slug = '';
  let productId = '';

  const api = (path: string, options: Parameters<typeof request>[2] = {}) => request(app!.url, path, { ...options, headers: { cookie, ...options.headers } });
  const order = async () => {
    const placed = await request(app!.url, `/api/v1/stores/${slug}/orders`, {
      method: 'POST',
      json: { customer: { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' }, items: [{ productId, quantity: 1 }], paymentMethod: 'cod' },
    });
    if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.text}`);
    return placed.json<{ id: string; number: number }>();
  };
  /** Opens a dashboard page and resolves once its live stream answered (so an order now is heard). */
  const openLive = async (page: Page, path: string) => {
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/v1/orders/live') && r.status() === 200, { timeout: 15_000 });
    await page.goto(`${app!.url}${path}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });
    await streamed;
    // A marker a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  };
  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

  t.before(async () => {
    const userDataDir = join(workDir, 'chromium');
    [app, context] = await Promise.all([
      startBrowserApp(workDir),
      chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, timeout: 30_000, args: chromiumArgs, viewport: { width: 1280, height: 800 }, locale: 'en-IN', timezoneId: 'Asia/Kolkata' }),
    ]);
    bound(context);
    await problems.install(context, 'vendor');
    const signup = await request(app.url, '/api/v1/vendors', { method: 'POST', json: { email: 'live@example.com', password: 'chai-and-biscuits', storeName: 'Live Chai', slug: 'live-chai' } });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${signup.text}`);
    cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0]!;
    slug = signup.json<{ store: { slug: string } }>().store.slug;
    const product = await api('/api/v1/products', { method: 'POST', json: { name: 'Masala Chai', price: 21000, stock: 20 } });
    if (product.status !== 201) throw new Error(`product: ${product.status} ${product.text}`);
    productId = product.json<{ id: string }>().id;
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: app.url }]);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, context?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  t.test('a new order appears on the open dashboard and the title counts it, without a reload', async (t) => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    await openLive(page, '/dashboard');
    const title = await page.title();
    t.notMatch(title, /^\(\d+\)/, 'nothing waits yet');
    t.equal(await page.locator('.live-order').count(), 0);

    const placed = await order();
    const line = page.locator('.live-order').first();
    await line.waitFor({ state: 'visible', timeout: 10_000 });
    t.match(await line.innerText(), new RegExp(`New order #${placed.number} · Asha Rao · ₹\\s?210`));
    t.equal(await line.locator('a').getAttribute('href'), `/dashboard/orders/${placed.id}`, 'links to the order');
    await page.waitForFunction(() => document.title.startsWith('(1) '), undefined, { timeout: 5000 });
    t.equal(await page.title(), `(1) ${title}`);
    t.ok(await notReloaded(page), 'the page was not reloaded');

    // Accepted elsewhere (the API): the count goes down, the line stays, marked.
    const accepted = await api(`/api/v1/orders/${placed.id}/status`, { method: 'POST', json: { status: 'accepted' } });
    t.equal(accepted.status, 200);
    await page.waitForFunction((t0) => document.title === t0, title, { timeout: 5000 });
    t.match(await line.innerText(), /accepted/);
  });

  t.test('the sound switch is off by default and remembered', async (t) => {
    const page = context!.pages()[0]!;
    const button = page.locator('button.live-sound');
    t.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    t.equal(await button.getAttribute('aria-pressed'), 'true');
    t.equal(await page.evaluate(() => localStorage.getItem('dukaan.liveSound')), 'on');
    await openLive(page, '/dashboard');
    t.equal(await page.locator('button.live-sound').getAttribute('aria-pressed'), 'true', 'still on after a reload');
    await page.locator('button.live-sound').click();
    t.equal(await page.evaluate(() => localStorage.getItem('dukaan.liveSound')), 'off');
  });

  t.test('the orders page hears new orders too', async (t) => {
    const page = context!.pages()[0]!;
    await openLive(page, '/dashboard/orders');
    const title = await page.title();
    const placed = await order();
    await page.locator('.live-order', { hasText: `#${placed.number}` }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => document.title.startsWith('(1) '), undefined, { timeout: 5000 });
    t.equal(await page.title(), `(1) ${title.replace(/^\(\d+\) /, '')}`);
    t.ok(await notReloaded(page));
  });

  t.test('without JavaScript the dashboard is the same page, with no live list', async (t) => {
    const page = await request(app!.url, '/dashboard', { headers: { cookie } });
    t.equal(page.status, 200);
    t.match(page.text, 'data-island-root="live-orders"');
    t.notMatch(page.text, /class="live-order /, 'the server renders no live line');
  });

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, []);
  });
}
