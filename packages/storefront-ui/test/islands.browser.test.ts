// The islands in a real browser (Debian's chromium through playwright-core):
// the cart bar, the checkout island, API errors beside fields, and the redirect.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney, priceCart } from '@dukaan-kit/core/pricing';
import { displayMoney } from '../src/components/display-money.js';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import t from 'tap';
import { loadAssetManifest, renderPage } from '../src/index.js';
import { keyReusedMessage, priceChangedMessage } from '../src/islands/checkout-submit.js';
import { categories, order, store as fixtureStore, storeProduct } from './fixtures/pages.js';
import { startServer, type TestServer } from './fixtures/server.js';

const executablePath = '/usr/bin/chromium';
// No logo: the page must not reach out to the network.
const store = { ...fixtureStore, logoUrl: null };
const basePath = '/shop';
const slug = store.slug;

if (!existsSync(executablePath)) {
  t.plan(0, `skipped: no ${executablePath}`);
} else {
  const assets = loadAssetManifest();
  const c = { basePath, assets, csrfToken: 'crumb-1' };
  const products = [storeProduct(1, { images: [] }), storeProduct(2, { images: [] }), storeProduct(3, { images: [] })];
  const pages = (path: string): string | null => {
    if (path === `${basePath}/${slug}`) return renderPage({ page: 'store', props: { ctx: c, store, categories, products, canonicalUrl: `https://x.test/${slug}` } });
    if (path === `${basePath}/${slug}/checkout`) return renderPage({ page: 'checkout', props: { ctx: c, store, lines: [], products, idempotencyKey: 'server-key' } });
    if (path === `${basePath}/${slug}/orders/tok_1?placed=1`) return renderPage({ page: 'order', props: { ctx: c, store, order: order({ token: 'tok_1' }), justPlaced: true } });
    if (path === `${basePath}/dashboard`) {
      const vendor = { email: 'a@b.co', storeName: store.name, storeSlug: slug, pendingOrders: 0 };
      return renderPage({ page: 'dashboard', props: { ctx: { ...c, vendor }, store, summary: { orders: 0, revenue: 0, pending: 0 }, pendingOrders: [], storeUrl: `https://x.test/${slug}` } });
    }
    return null;
  };

  let server: TestServer;
  let context: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'dukaan-ui-chromium-'));

  t.before(async () => {
    server = await startServer(basePath, slug, pages);
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      timeout: 30_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
  });

  t.teardown(async () => {
    await context?.close().catch(() => {});
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  t.test('add to cart, checkout, a 400 beside the phone field, then the order page', { timeout: 60_000 }, async (t) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // HTTP error answers are part of the script; only script failures count.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });

    await page.goto(`${server.url}${basePath}/${slug}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    const add = (id: string) => page.locator(`form[data-cart-add]:has(input[name="productId"][value="${id}"]) button`).click();
    const item = (id: string) => page.locator(`[data-cart-item="${id}"]`);
    await add('prod-1');
    // "Add to cart" has turned into the stepper, at the same place and height.
    await item('prod-1').locator('form[data-cart-step]').waitFor();
    t.equal(await item('prod-1').locator('form[data-cart-add]').isVisible(), false, 'the add button gave way to the stepper');
    await item('prod-1').locator('button[data-step="1"]').click();
    await item('prod-1').locator('[data-cart-count]', { hasText: '2' }).waitFor();
    t.equal(await page.locator('[data-cart-badge="prod-1"]').textContent(), 'In cart (2)', 'the card says how many are in the cart');
    await add('prod-2');
    await page.locator('.cart-count', { hasText: '3' }).waitFor();
    t.equal(await page.locator('.cart-count').textContent(), '3', 'the bar counts 3 items');
    t.equal(page.url(), `${server.url}${basePath}/${slug}`, 'adding did not leave the page');
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), `dukaan-kit:cart:${slug}`)) ?? '[]') as Array<{ productId: string; quantity: number }>;
    t.same(stored.map((l) => [l.productId, l.quantity]), [['prod-1', 2], ['prod-2', 1]]);
    const barSubtotal = priceCart([{ unitPrice: products[0]!.price, quantity: 2 }, { unitPrice: products[1]!.price, quantity: 1 }], store).subtotal;
    t.equal(await page.locator('.cart-bar-total').textContent(), displayMoney(barSubtotal, store.currency), 'the bar shows priceCart\'s subtotal');
    // − down to nothing brings "Add to cart" back.
    await item('prod-2').locator('button[data-step="-1"]').click();
    await item('prod-2').locator('form[data-cart-add]').waitFor();
    t.equal(await page.locator('[data-cart-badge="prod-2"]').isVisible(), false, 'no badge at zero');
    await add('prod-2');
    await page.locator('.cart-count', { hasText: '3' }).waitFor();

    await page.locator('a.cart-bar').click();
    await page.waitForURL(`**${basePath}/${slug}/checkout`);
    await page.locator('.line').nth(1).waitFor();
    t.equal(await page.locator('.line').count(), 2, 'checkout shows both lines from localStorage');
    const lines = [{ unitPrice: products[0]!.price, quantity: 2 }, { unitPrice: products[1]!.price, quantity: 1 }];
    const want = priceCart(lines, store);
    t.equal(await page.locator('[data-total]').textContent(), formatMoney(want.total, store.currency), 'total follows the server rule');
    t.equal(await page.locator('[data-delivery]').textContent(), want.deliveryFee === 0 ? 'Free' : formatMoney(want.deliveryFee, store.currency));

    // Change a quantity: totals follow.
    await page.locator('#qty-prod-2').fill('3');
    await page.locator('#qty-prod-2').dispatchEvent('change');
    const want3 = priceCart([lines[0]!, { unitPrice: products[1]!.price, quantity: 3 }], store);
    await page.locator('[data-total]', { hasText: formatMoney(want3.total, store.currency) }).waitFor();
    t.pass('quantity change updates the total');

    await page.fill('#checkout-name', 'Ravi Kumar');
    await page.fill('#checkout-phone', '123');
    await page.fill('#checkout-address', '4 Lake View, Bengaluru');
    await page.fill('#checkout-pincode', '560001');
    server.answer.next = () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: 'Invalid order', details: [{ path: 'customer.phone', message: 'Enter a 10-digit mobile number' }] },
    });
    await page.click('#checkout-form button[type="submit"]');
    await page.locator('#checkout-phone-error').waitFor();
    t.equal(await page.locator('#checkout-phone-error').textContent(), 'Enter a 10-digit mobile number, such as 98765 43210.', 'the page\'s own words for the field (issue 14)');
    t.equal(await page.getAttribute('#checkout-phone', 'aria-invalid'), 'true');
    t.match(await page.getAttribute('#checkout-phone', 'aria-describedby'), 'checkout-phone-error');
    t.ok(await page.locator('.field:has(#checkout-phone) #checkout-phone-error').count(), 'the error sits in the phone field');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'checkout-phone', 'focus moves to the bad field');
    t.equal(await page.inputValue('#checkout-name'), 'Ravi Kumar', 'typed values survive the re-render');

    const first = server.calls[0]!;
    t.equal(first.contentType, 'application/json');
    t.match(first.idempotencyKey, /^[0-9a-f-]{36}$/);
    t.same(first.body, {
      customer: { name: 'Ravi Kumar', phone: '123', address: '4 Lake View, Bengaluru', pincode: '560001' },
      items: [{ productId: 'prod-1', variantId: 'prod-1', quantity: 2 }, { productId: 'prod-2', variantId: 'prod-2', quantity: 3 }],
      paymentMethod: 'cod',
      deliveryMethod: 'delivery',
      expectedTotal: want3.total,
    });

    // An unknown outcome (503) keeps the key; the retry sends the same one.
    await page.fill('#checkout-phone', '9812345678');
    server.answer.next = () => ({ status: 503, body: { statusCode: 503, message: 'Service Unavailable' } });
    await page.click('#checkout-form button[type="submit"]');
    await page.locator('.alert-error', { hasText: 'try again' }).waitFor();
    server.answer.next = () => ({ status: 201, body: { id: 'ord-1', number: 1001, token: 'tok_1', status: 'pending' } });
    await page.click('#checkout-form button[type="submit"]');
    await page.waitForURL(`**${basePath}/${slug}/orders/tok_1?placed=1`);
    t.equal(server.calls.length, 3);
    t.not(server.calls[1]!.idempotencyKey, first.idempotencyKey, 'a refused attempt gets a new key');
    t.equal(server.calls[2]!.idempotencyKey, server.calls[1]!.idempotencyKey, 'the retry reuses its key');
    t.match(await page.locator('h1').first().textContent(), 'Thank you');
    t.equal(await page.evaluate((k) => localStorage.getItem(k), `dukaan-kit:cart:${slug}`), null, 'cart cleared');
    t.same(errors, [], 'no script errors');
    await page.close();
  });

  /** A checkout page holding one unit of prod-1 (whatever earlier tests left in the cart), details filled in. */
  const oneItemCheckout = async (page: Page) => {
    await page.goto(`${server.url}${basePath}/${slug}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await page.locator('form[data-cart-add] button').first().click();
    await page.locator('.cart-count', { hasText: '1' }).waitFor();
    await page.goto(`${server.url}${basePath}/${slug}/checkout`);
    await page.locator('.line').first().waitFor();
    await page.fill('#checkout-name', 'Asha');
    await page.fill('#checkout-phone', '9812345678');
    await page.fill('#checkout-address', 'Pune');
    await page.fill('#checkout-pincode', '411001');
  };
  const submit = (page: Page) => page.click('#checkout-form button[type="submit"]');

  t.test('a 409 shows its message above the form', { timeout: 30_000 }, async (t) => {
    const page = await context.newPage();
    await oneItemCheckout(page);
    server.answer.next = () => ({ status: 409, body: { statusCode: 409, code: 'OUT_OF_STOCK', message: 'Only 2 of Masala Chai 1 left' } });
    await submit(page);
    await page.locator('.alert-error', { hasText: 'Only 2 of Masala Chai 1 left' }).waitFor();
    t.pass('409 message shown');
    await page.close();
  });

  t.test('PRICE_CHANGED shows the new prices and total, stores them, and the next submit confirms that total', { timeout: 30_000 }, async (t) => {
    const page = await context.newPage();
    await oneItemCheckout(page);
    const from = server.calls.length;
    const shown = priceCart([{ unitPrice: products[0]!.price, quantity: 1 }], store);
    const quote = {
      items: [{ productId: 'prod-1', variantId: 'prod-1', options: {}, name: 'Masala Chai 1 (new pack)', unitPrice: 55000, quantity: 1, lineTotal: 55000 }],
      subtotal: 55000,
      deliveryFee: 4500,
      total: 59500,
      currency: 'INR',
    };
    server.answer.next = () => ({ status: 409, body: { statusCode: 409, error: 'Conflict', code: 'PRICE_CHANGED', message: 'Prices have changed', details: quote } });
    await submit(page);
    await page.locator('.alert-error', { hasText: priceChangedMessage }).waitFor();
    t.equal((server.calls[from]!.body as { expectedTotal: number }).expectedTotal, shown.total, 'sent the total it displayed');
    t.equal(await page.locator('.line-unit').textContent(), '₹550.00 each', 'the new unit price');
    t.equal(await page.locator('.line-name').textContent(), 'Masala Chai 1 (new pack)');
    t.equal(await page.locator('[data-delivery]').textContent(), '₹45.00', "the quote's delivery fee");
    t.equal(await page.locator('[data-total]').textContent(), '₹595.00', "the quote's total");
    t.match(await page.locator('#checkout-form button[type="submit"]').textContent(), 'Place order · ₹595.00');
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), `dukaan-kit:cart:${slug}`)) ?? '[]') as Array<{ price: number }>;
    t.same(stored.map((l) => l.price), [55000], 'the browser cart holds the new price');

    // Confirming: the same details at the new total are a new request, so a new key.
    server.answer.next = () => ({ status: 409, body: { statusCode: 409, code: 'IDEMPOTENCY_KEY_REUSED', message: 'Idempotency-Key was used for another order' } });
    await submit(page);
    await page.locator('.alert-error', { hasText: keyReusedMessage }).waitFor();
    const [quoted, confirmed] = server.calls.slice(from);
    t.equal((confirmed!.body as { expectedTotal: number }).expectedTotal, quote.total, 'confirms the quoted total');
    t.not(confirmed!.idempotencyKey, quoted!.idempotencyKey);

    // After IDEMPOTENCY_KEY_REUSED the same request goes out under a fresh key.
    server.answer.next = () => ({ status: 503, body: { statusCode: 503, message: 'Service Unavailable' } });
    await submit(page);
    await page.locator('.alert-error', { hasText: 'try again' }).waitFor();
    const afterReuse = server.calls[from + 2]!;
    t.same(afterReuse.body, confirmed!.body);
    t.not(afterReuse.idempotencyKey, confirmed!.idempotencyKey, 'a new key after IDEMPOTENCY_KEY_REUSED');
    await page.close();
  });

  t.test('after an unknown outcome, changed details get a new key and unchanged ones keep it', { timeout: 30_000 }, async (t) => {
    const page = await context.newPage();
    await oneItemCheckout(page);
    const from = server.calls.length;
    server.answer.next = () => ({ status: 503, body: { statusCode: 503, message: 'Service Unavailable' } });
    // The server has the request only after the island turned busy; idle again means it has the answer.
    const attempt = async (n: number) => {
      await submit(page);
      while (server.calls.length < from + n) await new Promise((r) => setTimeout(r, 20));
      await page.locator('#checkout-form button[type="submit"]:not([aria-busy])').waitFor();
    };
    await attempt(1);
    await page.fill('#checkout-address', 'Pune 411001, Flat 2');
    await attempt(2);
    await page.locator('#qty-prod-1').fill('2');
    await page.locator('#qty-prod-1').dispatchEvent('change');
    await attempt(3);
    await attempt(4);
    const keys = server.calls.slice(from).map((c) => c.idempotencyKey);
    t.equal(keys.length, 4);
    t.not(keys[1], keys[0], 'changed details: new key');
    t.not(keys[2], keys[1], 'changed cart: new key');
    t.equal(keys[3], keys[2], 'a retry of the same request keeps its key');
    await page.close();
  });

  t.test('copy-link copies the store link (or selects it)', { timeout: 30_000 }, async (t) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}${basePath}/dashboard`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    await page.locator('.copy-link button').first().click();
    await page.locator('.copy-status', { hasText: /Link copied|keyboard/ }).waitFor();
    const status = await page.locator('.copy-status').textContent();
    if (status === 'Link copied.') t.equal(await page.evaluate(() => navigator.clipboard.readText()), `https://x.test/${slug}`);
    else t.equal(await page.evaluate(() => document.activeElement?.id), 'store-link', 'fallback selects the input');
    await page.close();
  });
}
