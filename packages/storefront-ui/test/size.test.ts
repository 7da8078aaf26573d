// The page-weight budget: a 50-product store page with its CSS and JS, gzipped, images excluded.
// The JS is what the page actually loads: the entry named by manifest.json, the chunks of the
// islands the page has, and every chunk those import, found by following the imports in the
// built files (esbuild writes them as relative "./chunk.[hash].js" specifiers).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { assetDir, loadAssetManifest, renderPage } from '../src/index.js';
import { islands, type IslandName } from '../src/islands/registry.js';
import { categories, ctx, store, storeProducts } from './fixtures/pages.js';

const budget = 60 * 1024;
const jsBudget = 16 * 1024;

const code = (file: string) => readFileSync(join(assetDir, file), 'utf8');
const specifiers = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1]!.replace(/^\.\//, ''));
/** Static imports and re-exports (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`): fetched with the module. */
const staticImports = (file: string) => specifiers(code(file), /\b(?:from|import)\s*"(\.\/[^"]+)"/g);
/** Dynamic `import("./x.js")`: fetched only when called. */
const dynamicImports = (file: string) => specifiers(code(file), /\bimport\s*\(\s*"(\.\/[^"]+)"\s*\)/g);
/** The names a chunk exports (`export{a as CartIsland,…}`). */
const exportsOf = (file: string) =>
  [...code(file).matchAll(/\bexport\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((e) => e.trim().split(/\s+as\s+/).pop()!));

/** `start` and every file it imports statically, transitively (what the browser fetches once `start` runs). */
function withStaticImports(start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const file of staticImports(start)) withStaticImports(file, into);
  return into;
}

/** Each island's chunk: the entry's dynamic import that exports the island's component (named as in the registry). */
function islandChunks(entry: string): Map<IslandName, string> {
  const chunks = dynamicImports(entry);
  const byName = new Map<IslandName, string>();
  for (const name of Object.keys(islands) as IslandName[]) {
    const found = chunks.filter((chunk) => exportsOf(chunk).includes(islands[name].name));
    if (found.length !== 1) throw new Error(`expected one chunk exporting ${islands[name].name} (${name}), got ${found.length}`);
    byName.set(name, found[0]!);
  }
  return byName;
}

/** Island names in a rendered page, in document order. */
const islandsIn = (html: string) => [...html.matchAll(/<script type="application\/json" data-island="([a-z-]+)"/g)].map((m) => m[1] as IslandName);

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

t.test('every island has its own chunk, imported by the entry only when a page has it', async (t) => {
  const assets = loadAssetManifest();
  const chunks = islandChunks(assets.js);
  t.equal(new Set(chunks.values()).size, Object.keys(islands).length, 'one chunk per island');
  t.equal(dynamicImports(assets.js).length, chunks.size, 'the entry imports nothing else dynamically');
  const withEntry = withStaticImports(assets.js);
  for (const [name, chunk] of chunks) t.notOk(withEntry.has(chunk), `${name} is not loaded with the entry`);
  const files = readdirSync(assetDir).filter((f) => f.endsWith('.js'));
  for (const file of files) t.match(file, /^(client|chunk)\.[A-Z0-9]+\.js$/, `${file}: flat, content-hashed name (served at /static/{file})`);
  for (const file of [...chunks.values()].flatMap((c) => [...withStaticImports(c)])) t.ok(existsSync(join(assetDir, file)), `${file} is built`);
});

t.test('store page with 50 products + CSS + JS stays under 60 KB gzipped', async (t) => {
  const assets = loadAssetManifest();
  t.match(assets, { css: /^app\.[A-Z0-9]+\.css$/, js: /^client\.[A-Z0-9]+\.js$/ });
  const html = renderPage({ page: 'store', props: { ctx: ctx({ assets }), store, categories, products: storeProducts(50), canonicalUrl: 'https://shop.example.com/chai-corner' } });
  const names = [...new Set(islandsIn(html))];
  t.ok(names.includes('cart'), 'the store page has the cart island');

  // The page names only the entry; the entry imports the chunks of the islands present.
  const chunks = islandChunks(assets.js);
  const loaded = withStaticImports(assets.js);
  for (const name of names) withStaticImports(chunks.get(name)!, loaded);
  const files = [...loaded];
  const jsSizes = files.map((file) => gz(code(file)));
  const sizes = { html: gz(html), css: gz(readFileSync(join(assetDir, assets.css))), js: jsSizes.reduce((a, b) => a + b, 0) };
  const total = sizes.html + sizes.css + sizes.js;
  t.comment(`islands: ${names.join(', ')}; js: ${files.map((f, i) => `${f} ${jsSizes[i]} B`).join(', ')}`);
  t.comment(`gzipped: html ${sizes.html} B, css ${sizes.css} B, js ${sizes.js} B, total ${total} B (${(total / 1024).toFixed(1)} KB)`);
  t.ok(total < budget, `total ${total} < ${budget}`);
  t.ok(sizes.js < jsBudget, `the JS the store page loads (${sizes.js} B) stays under ${jsBudget} B`);
  // One sheet serves every page (store, checkout, dashboard, sign-in: 10 area files since issue 14);
  // splitting it per kind of page is the next saving.
  t.ok(sizes.css < 10 * 1024, `stylesheet stays small (${sizes.css} B)`);

  // No dashboard code for customers.
  for (const name of ['live-orders', 'product-import'] as const) {
    t.notOk(names.includes(name), `the store page has no ${name} island`);
    t.notOk(loaded.has(chunks.get(name)!), `${name}'s chunk is not in what the store page loads`);
  }
  // The entry names every island's export in its loader map; the chunks it loads here must not.
  const chunkCode = files.filter((file) => file !== assets.js).map(code).join('\n');
  for (const name of ['live-orders', 'product-import'] as const) {
    t.notOk(new RegExp(`\\b${islands[name].name}\\b`).test(chunkCode), `no ${islands[name].name} in the chunks the store page loads`);
  }
});
