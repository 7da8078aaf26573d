import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import t from 'tap';
import { entryBytes } from '../src/cache/entry-size.js';
import { LocalEntries } from '../src/storefront/local-entries.js';

// A full collection before each reading, so the heap holds only what is still referenced.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap and Buffer bytes now, after collecting everything unreachable. */
function used(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Bytes per item that `make` keeps reachable, measured over `count` items. */
function measured<T>(count: number, make: (i: number) => T): { perItem: number; kept: T[] } {
  const kept: T[] = [];
  const before = used();
  for (let i = 0; i < count; i++) kept.push(make(i));
  return { perItem: (used() - before) / count, kept };
}

/** A store view shaped like the one the core loads: 100 products, 4 photos with srcsets, 3 variants. */
function storeView(products = 100) {
  const picture = () => {
    const base = `/media/${randomUUID()}`;
    const srcset = (ext: string) => [200, 480, 960].map((w) => `${base}-${w}.${ext} ${w}w`).join(', ');
    return { url: `${base}-960.jpg`, width: 960, height: 720, srcsetWebp: srcset('webp'), srcsetJpeg: srcset('jpg') };
  };
  const weights = ['100 g', '250 g', '500 g'];
  return {
    store: { id: randomUUID(), slug: `shop-${randomUUID().slice(0, 8)}`, name: 'Chai Corner', description: 'Tea, spices and snacks from Bengaluru.', currency: 'INR', gstin: null, taxInclusive: true },
    categories: ['Tea', 'Spices', 'Snacks'].map((name, position) => ({ id: randomUUID(), name, position })),
    products: Array.from({ length: products }, (_, i) => {
      const pictures = [picture(), picture(), picture(), picture()];
      return {
        id: randomUUID(),
        slug: `masala-chai-small-batch-${i}`,
        name: `Masala chai — small-batch ${i}`,
        description: 'Small-batch, packed fresh, delivered across Bengaluru. <b>Escaped</b> & "quoted".',
        price: 4900,
        compareAtPrice: null,
        priceVaries: true,
        currency: 'INR',
        categoryId: randomUUID(),
        images: pictures.map((p) => p.url),
        pictures,
        options: [{ name: 'Weight', values: weights }],
        variants: weights.map((w, k) => ({ id: randomUUID(), options: { Weight: w }, price: 4900 * (k + 1), compareAtPrice: null, sku: `SC-${i}-${k}`, stock: 1_000_000, inStock: true, image: null })),
        stock: 3_000_000,
        inStock: true,
        taxRate: 12,
      };
    }),
  };
}

/** A rendered page cut at its markers, as the page cache holds it. */
function pageTemplate(view: ReturnType<typeof storeView>) {
  const cards = view.products.map((p) => `<article class="card"><a href="https://dkmarker.invalid/${view.store.slug}/p/${p.slug}"><picture><source type="image/webp" srcset="${p.pictures[0]?.srcsetWebp}"><img src="${p.images[0]}" alt="${p.name}" width="960" height="720" loading="lazy"></picture><h2>${p.name}</h2><p class="price">from ₹${(p.price / 100).toFixed(2)}</p></a><form method="post"><input type="hidden" name="csrf" value="dkcsrfmarker"><select name="variant">${p.variants.map((v) => `<option value="${v.id}">${v.options.Weight} — ₹${v.price / 100}</option>`).join('')}</select><button>Add to cart</button></form></article>`);
  const page = `<!doctype html><html><head><link rel="canonical" href="https://dkmarker.invalid/${view.store.slug}"></head><body>${cards.join('\n')}</body></html>`;
  const pieces = page.split(/(https:\/\/dkmarker\.invalid|dkcsrfmarker)/);
  return { parts: pieces.filter((_, i) => i % 2 === 0), slots: pieces.filter((_, i) => i % 2 === 1).map((m) => (m === 'dkcsrfmarker' ? 'csrf' : 'origin')) };
}

// Generous bounds: the count must not be far under what the heap holds (the old estimate, twice
// the JSON length, was 0.6-0.8 of it for loaded views before the encoded copies were counted),
// nor so far over that the budget holds a fraction of what it could.
const notUnder = 1.2;
const notOver = 3;

t.test('a loaded store view, with the encoded JSON body kept beside it, is counted at about what it holds', async (t) => {
  const key = 'store:s:entry:view';
  const { perItem, kept } = measured(40, () => {
    const value = { tag: 'a.b', value: storeView() };
    return { value, body: Buffer.from(JSON.stringify(value.value)) };
  });
  const counted = entryBytes(key, kept[0]!.value);
  t.ok(perItem <= counted * notUnder, `measured ${Math.round(perItem)} B per entry, counted ${counted}`);
  t.ok(counted <= perItem * notOver, `counted ${counted} B is within ${notOver}x of measured ${Math.round(perItem)}`);
});

t.test('a view read back from the shared cache (JSON-parsed) is counted no lower than what it holds', async (t) => {
  const json = JSON.stringify({ tag: 'a.b', value: storeView() });
  const { perItem, kept } = measured(40, () => {
    const value = JSON.parse(json) as { value: unknown };
    return { value, body: Buffer.from(JSON.stringify(value.value)) };
  });
  const counted = entryBytes('store:s:entry:view', kept[0]!.value);
  t.ok(perItem <= counted * notUnder, `measured ${Math.round(perItem)} B per entry, counted ${counted}`);
  t.ok(counted <= perItem * notOver, `counted ${counted} B is within ${notOver}x of measured ${Math.round(perItem)}`);
});

t.test('a page template, with its encoded parts kept beside it, is counted at about what it holds', async (t) => {
  const { perItem, kept } = measured(40, () => {
    const template = pageTemplate(storeView());
    return { template, encoded: template.parts.map((part) => Buffer.from(part, 'utf8')) };
  });
  // Only the template and its parts' Buffers, not the view it was rendered from (collected).
  const counted = entryBytes('store:s:entry:page:store:v3:all', { tag: 'a.b', value: kept[0]!.template });
  t.ok(perItem <= counted * notUnder, `measured ${Math.round(perItem)} B per entry, counted ${counted}`);
  t.ok(counted <= perItem * notOver, `counted ${counted} B is within ${notOver}x of measured ${Math.round(perItem)}`);
});

t.test('the in-process layer filled with distinct store views holds about its byte bound, not a multiple of it', async (t) => {
  const maxBytes = 8 * 1024 * 1024;
  const local = new LocalEntries({ maxBytes });
  const before = used();
  for (let i = 0; i < 60; i++) local.set(`store:${i}:entry:view`, { tag: 'a.b', value: storeView() }, 60_000);
  const grown = used() - before;
  t.ok(local.size.bytes <= maxBytes, `${local.size.bytes} bytes counted, ${local.size.entries} entries of 60`);
  t.ok(local.size.entries >= 2 && local.size.entries < 60, `${local.size.entries} entries kept: the bound evicted the rest`);
  t.ok(grown <= maxBytes * notUnder, `the heap grew ${(grown / 1048576).toFixed(1)} MB for an ${maxBytes / 1048576} MB bound`);
  local.clear();
});

t.test('shared and cyclic parts are counted once, and nothing throws on odd values', async (t) => {
  const shared = { text: 'x'.repeat(10_000) };
  const once = entryBytes('k', { a: shared });
  const twice = entryBytes('k', { a: shared, b: shared });
  t.ok(twice - once < 100, `a shared object adds a slot, not its size again (${once} vs ${twice})`);
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic['self'] = cyclic;
  t.ok(entryBytes('k', cyclic) > 0, 'a cycle ends the walk');
  for (const odd of [undefined, null, true, 1.5, 10n, Symbol('s'), () => 1, new Map([[1, 2]]), Buffer.alloc(1000)]) {
    t.ok(entryBytes('k', odd) > 0, `${typeof odd} is counted`);
  }
  t.ok(entryBytes('k', Buffer.alloc(100_000)) >= 100_000, 'a Buffer counts its bytes');
  t.ok(entryBytes('k', '₹'.repeat(1000)) >= 2000, 'a two-byte string counts two bytes a character');
});
