// A vendor adds photos in a real browser (Debian's headless Chromium through playwright-core),
// with JavaScript off, as the page must work without it: three phone photos in one upload
// (EXIF orientation 6, GPS tags), one made the cover, one deleted. The pictures shown are the
// resized WebP files the browser picked from the srcset; what the store serves is upright and
// carries no EXIF. The plugin runs in this process on SQLite.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import t from 'tap';
import { serverVariants, type ServerFixture } from './support/server.js';

const chromiumPath = '/usr/bin/chromium';

/** A phone photo: 1200×800 as stored, with orientation 6 (shown 800×1200) and GPS tags. */
function phonePhoto(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Secret Model 7' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '12/1 58/1 0/1' } })
    .toBuffer();
}

if (!existsSync(chromiumPath)) {
  if (process.env.CI) t.fail(`the browser test needs ${chromiumPath}`);
  else t.plan(0, `needs ${chromiumPath}; skipping`);
} else {
  t.setTimeout(120_000);
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-photos-browser-'));
  let fixture: ServerFixture | undefined;
  let browser: Browser | undefined;

  t.before(async () => {
    const sqlite = serverVariants()[0];
    if (!sqlite) throw new Error('no SQLite variant');
    fixture = await sqlite.open();
    await fixture.server.start();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, timeout: 30_000, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, fixture?.close());
    rmSync(workDir, { recursive: true, force: true });
  });

  t.test('several photos in one upload, a cover chosen, one deleted, without JavaScript', { timeout: 90_000 }, async (t) => {
    // localhost: a trustworthy origin for Chromium, as HTTPS is in production (COOP, secure cookies).
    const base = `http://localhost:${fixture!.server.info.port}`;
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    context.setDefaultTimeout(15_000);
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(`${base}/signup`);
    await page.fill('#signup-email', 'meera@example.com');
    await page.fill('#signup-password', 'sweets-and-savouries');
    await page.fill('#signup-storeName', 'Meera Sweets');
    await page.fill('#signup-slug', 'meera-sweets');
    await Promise.all([page.waitForURL(/\/dashboard\?done=welcome$/), page.click('button[type="submit"]')]);

    // The product through the JSON API with the session cookie (the product form is not this test's subject).
    const created = await page.request.post(`${base}/api/v1/products`, { data: { name: 'Kaju katli', price: 45000 } });
    t.equal(created.status(), 201, await created.text());
    const product = (await created.json()) as { id: string };

    const files = await Promise.all(['#c0392b', '#27ae60', '#2980b9'].map(async (colour, i) => {
      const path = join(workDir, `IMG_00${i + 1}.jpg`);
      writeFileSync(path, await phonePhoto(colour));
      return path;
    }));
    await page.goto(`${base}/dashboard/products/${product.id}/photos`);
    t.match(await page.locator('#photos-title').textContent(), /Photos \(0 of 8\)/);
    await page.setInputFiles('#photos-files', files);
    await Promise.all([page.waitForURL(/\/photos\?done=created$/), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    t.equal((await page.locator('.flash').textContent())?.trim(), 'Added.');
    const items = page.locator('li[data-key]');
    t.equal(await items.count(), 3, 'three photos from one upload');

    const shown = async () =>
      page.locator('li[data-key] img').evaluateAll((imgs) =>
        (imgs as HTMLImageElement[]).map((img) => ({ src: img.currentSrc, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, w: img.getAttribute('width'), h: img.getAttribute('height') })),
      );
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('li[data-key] img')].every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 15_000 }).catch(() => {});
    const first = await shown();
    for (const img of first) {
      t.match(img.src, /-200w\.webp$/, 'a 120 px slot on a 1× screen loads the 200 px WebP');
      // naturalWidth is in CSS pixels: the 200 px file drawn for a 120 px slot.
      t.same([img.width, img.height], [120, 180], 'upright: the portrait the phone meant');
      t.same([img.w, img.h], ['800', '1200'], 'the size is in the markup: no layout shift');
    }

    const keys = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key') ?? ''));
    await Promise.all([page.waitForURL(/\/photos\?done=saved$/), items.nth(2).getByRole('button', { name: /Make cover/ }).click()]);
    t.same(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key'))), [keys[2], keys[0], keys[1]], 'the third is the cover now');
    t.equal(await items.first().locator('.tag').textContent(), 'Cover');
    await Promise.all([page.waitForURL(/\/photos\?done=deleted$/), items.nth(1).getByRole('button', { name: /Delete/ }).click()]);
    t.same(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key'))), [keys[2], keys[1]], 'one deleted');

    // What a customer's browser gets: the store's pictures, upright and without the phone's data.
    const store = (await (await page.request.get(`${base}/api/v1/stores/meera-sweets`)).json()) as { products: Array<{ pictures: Array<{ url: string; width: number; height: number; srcsetWebp: string }> }> };
    const cover = store.products[0]?.pictures[0];
    t.match(cover, { url: `/media/${keys[2]}`, width: 800, height: 1200 }, 'never enlarged past its own 800 px');
    const largestWebp = cover?.srcsetWebp.split(', ').pop()?.split(' ')[0] ?? '';
    const served = await page.request.get(`${base}${largestWebp}`);
    t.equal(served.status(), 200);
    const meta = await sharp(await served.body()).metadata();
    t.match(meta, { format: 'webp', width: 800, height: 1200 });
    t.equal(meta.exif, undefined, 'no EXIF, no GPS');
    t.same(errors, [], 'no console errors');
    await context.close();
  });
}
