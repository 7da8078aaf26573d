// The page-weight budget: a 50-product store page with its CSS and JS, gzipped, images excluded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { assetDir, loadAssetManifest, renderPage } from '../src/index.js';
import { categories, ctx, store, storeProducts } from './fixtures/pages.js';

const budget = 60 * 1024;

t.test('store page with 50 products + CSS + JS stays under 60 KB gzipped', async (t) => {
  const assets = loadAssetManifest();
  t.match(assets, { css: /^app\.[A-Z0-9]+\.css$/, js: /^client\.[A-Z0-9]+\.js$/ });
  const html = renderPage({ page: 'store', props: { ctx: ctx({ assets }), store, categories, products: storeProducts(50), canonicalUrl: 'https://shop.example.com/chai-corner' } });
  const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
  const sizes = { html: gz(html), css: gz(readFileSync(join(assetDir, assets.css))), js: gz(readFileSync(join(assetDir, assets.js))) };
  const total = sizes.html + sizes.css + sizes.js;
  t.comment(`gzipped: html ${sizes.html} B, css ${sizes.css} B, js ${sizes.js} B, total ${total} B (${(total / 1024).toFixed(1)} KB)`);
  t.ok(total < budget, `total ${total} < ${budget}`);
  t.ok(sizes.js < 16 * 1024, 'client bundle with Preact stays small');
  t.ok(sizes.css < 8 * 1024, 'stylesheet stays small');
});
