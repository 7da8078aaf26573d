// The variant picker and "Load more" in a real browser (Debian's chromium through playwright-core):
// a click updates price, MRP, stock, picture, link and the add form at once; the cart keeps two
// variants of one product apart and checkout names them; "Load more" appends the next page.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import t from 'tap';
import { loadAssetManifest, renderPage } from '../src/index.js';
import { categories, store as fixtureStore, storeProduct } from './fixtures/pages.js';
import { startServer, type TestServer } from './fixtures/server.js';
import { sweetBox } from './fixtures/variants.js';

const executablePath = '/usr/bin/chromium';
const store = { ...fixtureStore, logoUrl: null };
const basePath = '/shop';
const slug = store.slug;

/** A 1×1 picture as a data URL, so the page never reaches the network. */
const pixel = (colour: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="${colour}"/></svg>`)}`;

if (!existsSync(executablePath)) {
  t.plan(0, `skipped: no ${executablePath}`);
} else {
  const assets = loadAssetManifest();
  const c = { basePath, assets, csrfToken: 'crumb-1' };
  const pictures = [pixel('gold'), pixel('orange')].map((url) => ({ url, width: 10, height: 10, srcsetWebp: '', srcsetJpeg: '' }));
  const katli = sweetBox({ pictures, images: pictures.map((p) => p.url) });
  const many = Array.from({ length: 60 }, (_, i) => storeProduct(i + 1, { images: [] }));
  const pages = (path: string): string | null => {
    const url = new URL(path, 'http://x.test');
    if (url.pathname === `${basePath}/${slug}/p/kaju-katli`) {
      const choice = { variantId: url.searchParams.get('v'), picks: ['o1', 'o2'].map((k) => url.searchParams.get(k)) };
      return renderPage({ page: 'product', props: { ctx: c, store, product: katli, canonicalUrl: `https://x.test/${slug}/p/kaju-katli`, choice } });
    }
    if (url.pathname === `${basePath}/${slug}`) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const products = many.slice((page - 1) * 48, page * 48);
      return renderPage({ page: 'store', props: { ctx: c, store, categories, products, page, total: many.length, hasMore: page * 48 < many.length, canonicalUrl: `https://x.test/${slug}` } });
    }
    if (url.pathname === `${basePath}/${slug}/checkout`) return renderPage({ page: 'checkout', props: { ctx: c, store, lines: [], products: [katli], idempotencyKey: 'server-key' } });
    return null;
  };

  let server: TestServer;
  let context: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'dukaan-ui-variants-'));

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

  const watch = (page: Page) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return errors;
  };

  t.test('a click on an option updates price, MRP, stock, picture, link and the add form at once', { timeout: 60_000 }, async (t) => {
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${server.url}${basePath}/${slug}/p/kaju-katli`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    t.equal(await page.locator('.variant-picker .price-now').textContent(), '₹280', 'opens on 250 g Saffron, the first in stock');
    t.equal(await page.locator('.gallery-slide').first().locator('img').getAttribute('src'), pictures[1]!.url, "with that variant's picture first");
    // The slide the gallery's row is scrolled to: its picture number.
    const shownPicture = () =>
      page.evaluate(() => {
        const track = document.querySelector<HTMLElement>('[data-gallery-track]')!;
        const slides = Array.from(track.children) as HTMLElement[];
        return slides.find((s) => Math.abs(s.offsetLeft - track.scrollLeft) < 4)?.dataset.pictureIndex;
      });
    t.equal(await page.locator('.variant-form button[type="submit"]').isVisible(), false, 'no "Show" button with JavaScript');

    await page.locator('label.option-value', { hasText: '500 g' }).click();
    await page.locator('.variant-picker .price-now', { hasText: '₹540' }).waitFor();
    t.pass('500 g Saffron: ₹540');
    await page.locator('label.option-value', { hasText: 'Plain' }).click();
    await page.locator('.variant-picker .price-now', { hasText: '₹480' }).waitFor();
    t.equal(await page.locator('.variant-picker .price-mrp').textContent(), 'MRP ₹520', 'its MRP');
    t.equal(await page.locator('[data-variant-stock]').textContent(), 'Only 3 left', 'its stock');
    await page.waitForFunction(() => {
      const track = document.querySelector<HTMLElement>('[data-gallery-track]')!;
      const cover = track.querySelector<HTMLElement>('[data-picture-index="0"]')!;
      return Math.abs(cover.offsetLeft - track.scrollLeft) < 4;
    });
    t.equal(await shownPicture(), '0', 'the gallery shows its picture (the cover)');
    t.equal(await page.inputValue('form[data-cart-add] input[name="variantId"]'), 'v-500-plain', 'the add form posts that variant');
    t.equal(await page.getAttribute('[data-cart-item="v-500-plain"]', 'data-max'), '3', 'no more than its stock');
    t.match(page.url(), /\/kaju-katli\?v=v-500-plain$/, 'the link names the choice');

    await page.locator('label.option-value', { hasText: '1 kg' }).click();
    await page.locator('label.option-value', { hasText: 'Saffron' }).click();
    await page.locator('[data-variant-stock]', { hasText: 'This combination is not available.' }).waitFor();
    t.equal(await page.locator('form[data-cart-add]').count(), 0, 'nothing to add');
    t.match(await page.locator('label.option-value.is-unavailable').first().textContent(), /not available/);

    // Two variants of one product are two lines in the browser cart.
    await page.locator('label.option-value', { hasText: '500 g' }).click();
    await page.locator('.variant-picker .price-now', { hasText: '₹540' }).waitFor();
    await page.locator('form[data-cart-add] button').click();
    await page.locator('[data-cart-label]', { hasText: 'In cart (1)' }).waitFor();
    await page.locator('label.option-value', { hasText: 'Plain' }).click();
    await page.locator('.variant-picker .price-now', { hasText: '₹480' }).waitFor();
    t.equal(await page.locator('.variant-picker form[data-cart-add]').isVisible(), true, 'another variant: not in the cart yet');
    await page.locator('form[data-cart-add] button').click();
    await page.locator('button[data-step="1"]').click();
    await page.locator('[data-cart-label]', { hasText: 'In cart (2)' }).waitFor();
    await page.locator('.cart-count', { hasText: '3' }).waitFor();
    await page.locator('label.option-value', { hasText: 'Saffron' }).click();
    await page.locator('[data-cart-label]', { hasText: 'In cart (1)' }).waitFor();
    t.pass('back on 500 g Saffron, its own count')
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), `dukaan-kit:cart:${slug}`)) ?? '[]') as Array<{ variantId: string; quantity: number; options: Record<string, string> }>;
    t.same(
      stored.map((l) => [l.variantId, l.quantity, l.options['Weight'], l.options['Flavour']]),
      [
        ['v-500-saffron', 1, '500 g', 'Saffron'],
        ['v-500-plain', 2, '500 g', 'Plain'],
      ],
    );

    await page.goto(`${server.url}${basePath}/${slug}/checkout`);
    await page.locator('.line').nth(1).waitFor();
    t.same(await page.locator('.line-variant').allTextContents(), ['Weight: 500 g, Flavour: Saffron', 'Weight: 500 g, Flavour: Plain'], 'checkout names each variant');
    t.same(
      await page.locator('input[name="item"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
      [`${katli.id}:v-500-saffron:1`, `${katli.id}:v-500-plain:2`],
    );
    t.same(errors, [], 'no script errors');
    await page.close();
  });

  t.test('"Load more" appends the next page of cards and then says that is everything', { timeout: 30_000 }, async (t) => {
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${server.url}${basePath}/${slug}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    t.equal(await page.locator('.card').count(), 48);
    await page.locator('a.load-more').click();
    await page.locator('.pager-end').waitFor();
    t.equal(await page.locator('.card').count(), 60, 'all 60, without leaving the page');
    t.equal(page.url(), `${server.url}${basePath}/${slug}`);
    // An appended card's form works with the cart bar like the others (the cart holds the first test's 3 items).
    await page.locator('.card').nth(49).locator('button.btn-add').click();
    await page.locator('.cart-count', { hasText: '4' }).waitFor();
    t.same(errors, []);
    await page.close();
  });
}
