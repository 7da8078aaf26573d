// Issue 14: every page a visitor, a customer and a vendor reach, in English and Hindi, with
// JavaScript on and off, at 360 px: axe-core (no serious or critical violation) and, in Hindi, no
// English left. `asserted` below lists which pages fail the test (all of them now); the others
// would be reported in a table. One test file per language (browser-audit-en, browser-audit-hi):
// each walk is minutes of Chromium on a loaded CI machine, and one file for both outran its budget.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { bound, launchChromium, missingPieces, screenshotDir, startBrowserApp, type BrowserApp } from './browser-app.js';
import { request } from './http.js';
import { axeAudit, englishLeaks, type AxeViolation } from './page-audit.js';

export type AuditLocale = 'en' | 'hi';

/**
 * The audit of every page in `locales`, JavaScript on and off; `withKeyboard` adds the keyboard
 * walk and the checks of the checks (once is enough: they run in English and Hindi themselves).
 */
export function auditSuite(locales: readonly AuditLocale[], { withKeyboard }: { withKeyboard: boolean }): void {
  const missing = missingPieces();
  if (missing.length > 0) {
    if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
    else t.plan(0, `needs ${missing.join(', ')}; skipping`);
  } else {
    audit(locales, withKeyboard);
  }
}

type Area = 'landing' | 'auth' | 'error' | 'store' | 'product' | 'checkout' | 'order' | 'dashboard';

/** The areas whose findings fail the test; the others are reported only (see the notes of issue 14). */
const asserted: ReadonlySet<Area> = new Set(['landing', 'auth', 'error', 'store', 'product', 'checkout', 'order', 'dashboard']);

interface Visit {
  name: string;
  area: Area;
  /** Opens the page (a goto, or a form posted); resolves once it has loaded. */
  open(page: Page): Promise<unknown>;
}

interface Finding {
  page: string;
  area: Area;
  run: string;
  violations: AxeViolation[];
  leaks: string[];
}

function audit(locales: readonly AuditLocale[], withKeyboard: boolean) {
  t.setTimeout(420_000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-audit-'));
  const shots = join(screenshotDir, 'audit');
  mkdirSync(shots, { recursive: true });
  const vendor = { email: 'meera@example.com', password: 'jaggery-and-jeera-77', storeName: 'Meera Masale', slug: 'meera-masale' };
  const product = { name: 'Garam Masala 100 g', slug: '' };
  const customer = { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' };
  /** Data the pages show as entered: never counted as English. */
  // A store link is a-z by rule, so the sign-up page's example link is too.
  const data = [vendor.email, vendor.storeName, vendor.slug, product.name, customer.name, customer.address, customer.pincode, 'Bengaluru', 'MG Road', 'not-an-email', 'chai-corner', 'Chrome', 'HeadlessChrome', 'Linux'];
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let orderToken = '';
  let orderId = '';
  const findings: Finding[] = [];
  const url = (path: string) => `${app!.url}${path}`;

  /** Posts the form on the page holding `selector`, the browser's own checks off (to see the server's answer). */
  const submit = async (page: Page, form: string) => {
    await page.evaluate((f) => document.querySelector<HTMLFormElement>(f)?.setAttribute('novalidate', ''), form);
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type="submit"]`)]);
  };

  const visits: Visit[] = [
    { name: 'landing', area: 'landing', open: (p) => p.goto(url('/')) },
    { name: 'signup', area: 'auth', open: (p) => p.goto(url('/signup')) },
    {
      name: 'signup with errors',
      area: 'auth',
      open: async (p) => {
        await p.goto(url('/signup'));
        await p.fill('#signup-email', 'not-an-email');
        await p.fill('#signup-password', 'short');
        await submit(p, 'form[action="/signup"]');
      },
    },
    { name: 'login', area: 'auth', open: (p) => p.goto(url('/login')) },
    {
      name: 'login refused',
      area: 'auth',
      open: async (p) => {
        await p.goto(url('/login'));
        await p.fill('#login-email', vendor.email);
        await p.fill('#login-password', 'not the password at all');
        await submit(p, 'form[action="/login"]');
      },
    },
    { name: 'forgot password', area: 'auth', open: (p) => p.goto(url('/forgot-password')) },
    {
      name: 'forgot password sent',
      area: 'auth',
      open: async (p) => {
        await p.goto(url('/forgot-password'));
        await p.fill('#forgot-email', 'nobody@example.com');
        await submit(p, 'form[action="/forgot-password"]');
      },
    },
    { name: 'reset link used', area: 'auth', open: (p) => p.goto(url('/reset-password?token=not-a-real-token')) },
    { name: 'confirm link used', area: 'auth', open: (p) => p.goto(url('/confirm-email?token=not-a-real-token')) },
    { name: 'not found', area: 'error', open: (p) => p.goto(url('/no-shop-at-this-link')) },
    { name: 'store', area: 'store', open: (p) => p.goto(url(`/${vendor.slug}`)) },
    { name: 'product', area: 'product', open: (p) => p.goto(url(`/${vendor.slug}/p/${product.slug}`)) },
    {
      name: 'checkout',
      area: 'checkout',
      open: async (p) => {
        await p.goto(url(`/${vendor.slug}/p/${product.slug}`));
        const add = p.locator(`form[action="/${vendor.slug}/cart"] button[type="submit"]`).first();
        if ((await add.count()) > 0) {
          await add.click();
          await p.waitForLoadState('networkidle');
        }
        await p.goto(url(`/${vendor.slug}/checkout`));
      },
    },
    { name: 'order', area: 'order', open: (p) => p.goto(url(`/${vendor.slug}/orders/${orderToken}`)) },
    {
      name: 'dashboard',
      area: 'dashboard',
      open: async (p) => {
        await p.goto(url('/login'));
        // The dashboard speaks the vendor's own language: set it to this run's (the login page's).
        const want = (await p.getAttribute('html', 'lang')) ?? 'en';
        await p.fill('#login-email', vendor.email);
        await p.fill('#login-password', vendor.password);
        await Promise.all([p.waitForURL(/\/dashboard/), p.click('form[action="/login"] button[type="submit"]')]);
        await p.goto(url('/dashboard/account'));
        await p.selectOption('#language-locale', want);
        await Promise.all([p.waitForURL(/\/dashboard\/account\?done=saved/), p.click('form[action="/dashboard/account/language"] button[type="submit"]')]);
        await p.goto(url('/dashboard'));
      },
    },
    ...['orders', 'products', 'products/new', 'categories', 'coupons', 'settings', 'account', 'webhooks'].map(
      (path): Visit => ({ name: `dashboard/${path}`, area: 'dashboard', open: (p) => p.goto(url(`/dashboard/${path}`)) }),
    ),
    { name: 'dashboard/orders/:id', area: 'dashboard', open: (p) => p.goto(url(`/dashboard/orders/${orderId}`)) },
  ];

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    const signup = await request(app.url, '/api/v1/vendors', { method: 'POST', json: { email: vendor.email, password: vendor.password, storeName: vendor.storeName, slug: vendor.slug } });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${signup.text}`);
    const cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const made = await request(app.url, '/api/v1/products', { method: 'POST', headers: { cookie }, json: { name: product.name, price: 8500, stock: 40 } });
    if (made.status !== 201) throw new Error(`product: ${made.status} ${made.text}`);
    const { id: productId, slug } = made.json<{ id: string; slug: string }>();
    product.slug = slug;
    const placed = await request(app.url, `/api/v1/stores/${vendor.slug}/orders`, { method: 'POST', json: { customer, items: [{ productId, quantity: 2 }], paymentMethod: 'cod' } });
    if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.text}`);
    ({ token: orderToken, id: orderId } = placed.json<{ token: string; id: string }>());
    t.comment(`app on ${app.url}, Chromium ${browser.version()}, a store with an order ready after ${elapsed()}`);
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  for (const locale of locales) {
    for (const javaScriptEnabled of [true, false]) {
      const run = `${locale}, JS ${javaScriptEnabled ? 'on' : 'off'}`;
      t.test(`every page at 360 px: ${run}`, { timeout: 190_000 }, async (t) => {
        // bypassCSP: axe is injected as a script the app's policy would (rightly) refuse.
        const context: BrowserContext = bound(
          await browser!.newContext({ viewport: { width: 360, height: 780 }, locale: locale === 'hi' ? 'hi-IN' : 'en-IN', timezoneId: 'Asia/Kolkata', javaScriptEnabled, bypassCSP: true }),
          15_000,
          20_000,
        );
        t.teardown(() => context.close());
        const page = await context.newPage();
        // The chosen language is remembered (cookie dukaan_lang) for every page after.
        await page.goto(url(`/?lang=${locale}`));
        t.equal(await page.getAttribute('html', 'lang'), locale, 'the chooser set the language');
        for (const visit of visits) {
          await visit.open(page);
          const violations = await axeAudit(page);
          const leaks = locale === 'hi' ? await englishLeaks(page, data) : [];
          findings.push({ page: visit.name, area: visit.area, run, violations, leaks });
          if (asserted.has(visit.area)) {
            t.same(violations, [], `${visit.name}: no serious or critical axe violation`);
            t.same(leaks, [], `${visit.name}: no English left`);
            const file = `${visit.name.replace(/\W+/g, '-')}-${locale}-js-${javaScriptEnabled ? 'on' : 'off'}-360.png`;
            await page.screenshot({ path: join(shots, file), fullPage: true });
          }
        }
        t.comment(`${run} done after ${elapsed()}`);
      });
    }
  }

  if (withKeyboard) keyboardAndChecks();

  t.test('report: what the pages of other areas still show', async (t) => {
    const rows = findings
      .filter((f) => f.violations.length > 0 || f.leaks.length > 0)
      .map((f) => `| ${f.page} | ${f.run} | ${f.violations.map((v) => `${v.id} (${v.impact}) ${v.targets.slice(0, 2).join(', ')}`).join('; ') || '-'} | ${f.leaks.slice(0, 12).join(' ') || '-'} |`);
    t.comment(['', '| page | run | axe serious/critical | English left in Hindi |', '|---|---|---|---|', ...(rows.length > 0 ? rows : ['| (none) | | | |'])].join('\n'));
    t.ok(findings.length >= visits.length * 2 * locales.length, `${findings.length} page views audited`);
  });

  function keyboardAndChecks() {
    t.test('keyboard: a skip link first, then a visible focus ring on every link, button and field', { timeout: 60_000 }, async (t) => {
      for (const javaScriptEnabled of [true, false]) {
        const context = bound(await browser!.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled }));
        const page = await context.newPage();
        for (const path of ['/', '/login', '/signup', '/forgot-password', '/no-shop-at-this-link']) {
          await page.goto(url(path));
          await page.keyboard.press('Tab');
          const skip = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const r = el.getBoundingClientRect();
            return { cls: el.className, href: el.getAttribute('href'), top: r.top, target: document.getElementById('main') !== null };
          });
          t.same(skip, { ...skip, cls: 'skip-link', href: '#main', target: true }, `${path}: the first Tab reaches the skip link, whose target exists`);
          t.ok(skip.top >= 0, `${path}: and it shows on screen`);
          const unringed: string[] = [];
          for (let i = 0; i < 25; i++) {
            const focus = await page.evaluate(() => {
              const el = document.activeElement as HTMLElement | null;
              if (!el || el === document.body) return null;
              const s = getComputedStyle(el);
              const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
              return { what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`, ring };
            });
            if (focus && !focus.ring) unringed.push(focus.what);
            await page.keyboard.press('Tab');
          }
          t.same(unringed, [], `${path} (JS ${javaScriptEnabled ? 'on' : 'off'}): every focused element shows a ring`);
        }
        await page.setViewportSize({ width: 1280, height: 800 });
        for (const [path, name] of [['/', 'landing'], ['/login?lang=hi', 'login-hi'], ['/signup?lang=hi', 'signup-hi']] as const) {
          await page.goto(url(path));
          await page.screenshot({ path: join(shots, `${name}-js-${javaScriptEnabled ? 'on' : 'off'}-1280.png`), fullPage: true });
        }
        await context.close();
      }
    });

    t.test('the checks themselves catch what they look for, JavaScript on and off', async (t) => {
      for (const javaScriptEnabled of [true, false]) {
        const context = bound(await browser!.newContext({ javaScriptEnabled, bypassCSP: true }));
        const page = await context.newPage();
        // A real page of the app, then broken on purpose: a picture without alt, a nameless button, English in a Hindi page.
        await page.goto(url('/login?lang=hi'));
        await page.evaluate(() => {
          document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/static/none.png"><button type="button"></button><p>Add to cart</p><p lang="en">English</p>');
        });
        const ids = (await axeAudit(page)).map((v) => v.id).sort();
        t.same(ids, ['button-name', 'image-alt'], `axe finds the broken parts (JS ${javaScriptEnabled ? 'on' : 'off'})`);
        t.same(await englishLeaks(page, ['Add']), ['cart'], 'English is found; allowed data and text marked as English are not');
        await context.close();
      }
    });
  }
}
