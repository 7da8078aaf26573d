// Variants, readable links and search in a real browser: the reference app (examples/server/dist/
// main.js) on SQLite in a temp dir, driven by Debian's headless Chromium through playwright-core.
// The vendor's product (two options) is made through the API, so this test stands apart from the
// dashboard's forms.
//
// 1. JavaScript off: the customer finds the product with the search box, picks 500 g + Plain with
//    the radio buttons and "Show this choice", adds it, checks out; the order page names the
//    variant, and only that variant's stock moved.
// 2. JavaScript on: a click on an option updates the price and the link at once; the cart keeps
//    the variant; renaming the product leaves the old link answering 301 to the new one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { bound, launchChromium, missingPieces, ProblemLog, startBrowserApp, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  browserVariants();
}

interface Variant {
  id: string;
  options: Record<string, string>;
  stock: number | null;
}

function browserVariants() {
  t.setTimeout(120_000);
  const phone = { width: 390, height: 844 };
  const slug = 'mithai-ghar';
  const katli = {
    name: 'Kaju Katli',
    description: 'Cashew fudge with silver leaf.',
    options: [
      { name: 'Weight', values: ['250 g', '500 g'] },
      { name: 'Flavour', values: ['Plain', 'Saffron'] },
    ],
    variants: [
      { options: { Weight: '250 g', Flavour: 'Plain' }, price: 25000, stock: 10, sku: 'KK-250-P' },
      { options: { Weight: '250 g', Flavour: 'Saffron' }, price: 28000, stock: 10, sku: 'KK-250-S' },
      { options: { Weight: '500 g', Flavour: 'Plain' }, price: 48000, compareAtPrice: 52000, stock: 5, sku: 'KK-500-P' },
      { options: { Weight: '500 g', Flavour: 'Saffron' }, price: 54000, stock: 10, sku: 'KK-500-S' },
    ],
  };

  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-variants-'));
  const problems = new ProblemLog();
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  let cookie = '';
  let productId = '';
  let variants: Variant[] = [];

  const url = (path: string) => `${app!.url}${path}`;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url(path), {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), origin: app!.url },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const variantId = (weight: string, flavour: string) => variants.find((v) => v.options['Weight'] === weight && v.options['Flavour'] === flavour)!.id;
  const newContext = async (label: string, options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = bound(await browser!.newContext({ viewport: phone, locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...options }));
    await problems.install(context, label);
    return context;
  };
  const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 10_000 });

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    const signup = await fetch(url('/api/v1/vendors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'meera@example.com', password: 'barfi-and-jalebi', storeName: 'Mithai Ghar', slug }),
    });
    if (signup.status !== 201) throw new Error(`signup failed: ${await signup.text()}`);
    cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await api('POST', '/api/v1/products', katli);
    if (created.status !== 201) throw new Error(`product failed: ${JSON.stringify(created.body)}`);
    productId = created.body['id'] as string;
    variants = created.body['variants'] as Variant[];
    await api('POST', '/api/v1/products', { name: 'Besan Laddoo', price: 30000 });
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  let context: BrowserContext | undefined;

  t.test('without JavaScript: search, pick 500 g Plain with the radio buttons, buy it', { timeout: 60_000 }, async (t) => {
    context = await newContext('no-JS customer', { javaScriptEnabled: false });
    const c = await context.newPage();
    await c.goto(url(`/${slug}`));
    t.equal(await c.locator('html.js').count(), 0, 'no script ran');
    t.match(await c.locator('.card', { hasText: 'Kaju Katli' }).locator('.price').textContent(), /from\s*₹250(?!\.)/, 'the card says "from"');

    await c.fill('#store-search', 'katli');
    await Promise.all([c.waitForURL(url(`/${slug}?q=katli`)), c.press('#store-search', 'Enter')]);
    t.same(await c.locator('.card-title').allTextContents(), ['Kaju Katli'], 'the search finds it');

    await Promise.all([c.waitForURL(url(`/${slug}/p/kaju-katli`)), c.locator('.card', { hasText: 'Kaju Katli' }).locator('a.btn-add').click()]);
    await c.locator('label.option-value', { hasText: '500 g' }).click();
    await c.locator('label.option-value', { hasText: 'Plain' }).click();
    t.equal(await c.locator('.variant-picker .price-now').textContent(), '₹250', 'without JavaScript nothing changes until the form is sent');
    await Promise.all([c.waitForURL(/\/p\/kaju-katli\?o1=500\+g&o2=Plain$/), c.click('.variant-form button[type="submit"]')]);
    t.equal(await c.locator('.variant-picker .price-now').textContent(), '₹480', 'the page for 500 g Plain');
    t.match(await c.locator('.variant-picker .price-mrp').textContent(), /₹520/);
    // Add one, then the stepper's + makes it two (plain form posts to the cookie cart).
    await Promise.all([c.waitForURL(/\/p\/kaju-katli\?o1=500\+g&o2=Plain$/), c.locator('form[data-cart-add] button[type="submit"]').click()]);
    await Promise.all([c.waitForURL(/\/p\/kaju-katli\?o1=500\+g&o2=Plain$/), c.locator('[data-cart-item] button[data-step="1"]').first().click()]);
    t.equal(await c.locator('.cart-count').textContent(), '2', 'back on the same choice, two in the cookie cart');

    await Promise.all([c.waitForURL(url(`/${slug}/checkout`)), c.click('a.cart-bar')]);
    t.equal(await c.locator('.line-variant').textContent(), 'Weight: 500 g, Flavour: Plain', 'checkout names the variant');
    await c.fill('#checkout-name', 'Meera Iyer');
    await c.fill('#checkout-phone', '9988776655');
    await c.fill('#checkout-house', '22');
    await c.fill('#checkout-street', 'Temple Street, Mylapore');
    await c.fill('#checkout-city', 'Chennai');
    await c.selectOption('#checkout-state', 'Tamil Nadu');
    await c.fill('#checkout-pincode', '600004');
    await Promise.all([c.waitForURL(/\/orders\/[^/?]+\?placed=1$/), c.click('#checkout-form button[type="submit"]')]);
    t.match(await c.locator('.order-lines tbody').textContent(), /Kaju Katli\s*Weight: 500 g, Flavour: Plain/, 'the order page names the variant');

    const after = await api('GET', `/api/v1/products/${productId}`);
    const stock = Object.fromEntries((after.body['variants'] as Variant[]).map((v) => [`${v.options['Weight']} ${v.options['Flavour']}`, v.stock]));
    t.same(stock, { '250 g Plain': 10, '250 g Saffron': 10, '500 g Plain': 3, '500 g Saffron': 10 }, 'only that variant’s stock moved');
    await context.close();
  });

  t.test('with JavaScript: a click updates the price and the link; the old link answers 301 after a rename', { timeout: 60_000 }, async (t) => {
    // Shown stock is exact within about a second of a sale (docs/http.md): wait until the
    // previous test's purchase shows before opening the page (bounded: 20 tries).
    for (let i = 0; i < 20; i++) {
      const view = (await (await fetch(url(`/api/v1/stores/${slug}`))).json()) as { products: Array<{ variants: Array<{ id: string; stock: number | null }> }> };
      const shown = view.products.flatMap((p) => p.variants).find((v) => v.id === variantId('500 g', 'Plain'));
      if (shown?.stock === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    context = await newContext('customer');
    const c = await context.newPage();
    await c.goto(url(`/${slug}/p/kaju-katli`));
    await hydrated(c);
    t.equal(await c.locator('.variant-picker .price-now').textContent(), '₹250');
    await c.locator('label.option-value', { hasText: '500 g' }).click();
    await c.locator('.variant-picker .price-now', { hasText: '₹480' }).waitFor();
    t.pass('500 g Plain: the price changed without a page load');
    t.equal(await c.locator('[data-variant-stock]').textContent(), 'Only 3 left');
    t.match(c.url(), new RegExp(`/p/kaju-katli\\?v=${variantId('500 g', 'Plain')}$`));
    await c.locator('label.option-value', { hasText: 'Saffron' }).click();
    await c.locator('.variant-picker .price-now', { hasText: '₹540' }).waitFor();
    await c.locator('form[data-cart-add] button[type="submit"]').click();
    await c.locator('.cart-count', { hasText: /^1$/ }).waitFor();
    await Promise.all([c.waitForURL(url(`/${slug}/checkout`)), c.click('a.cart-bar')]);
    await c.locator('.line-variant').waitFor();
    t.equal(await c.locator('.line-variant').textContent(), 'Weight: 500 g, Flavour: Saffron');

    t.equal((await api('PATCH', `/api/v1/products/${productId}`, { name: 'Kaju Katli Special' })).status, 200);
    const old = await fetch(url(`/${slug}/p/kaju-katli`), { redirect: 'manual' });
    t.equal(old.status, 301);
    t.equal(old.headers.get('location'), `/${slug}/p/kaju-katli-special`);
    await c.goto(url(`/${slug}/p/kaju-katli?v=${variantId('250 g', 'Saffron')}`));
    t.equal(c.url(), url(`/${slug}/p/kaju-katli-special?v=${variantId('250 g', 'Saffron')}`), 'the browser lands on the new link, choice kept');
    t.equal(await c.locator('h1').textContent(), 'Kaju Katli Special');
    t.equal(await c.locator('.variant-picker .price-now').textContent(), '₹280');
    await context.close();
  });

  t.test('no console errors, uncaught exceptions or CSP violations', async (t) => {
    t.same(problems.problems, []);
  });
}
