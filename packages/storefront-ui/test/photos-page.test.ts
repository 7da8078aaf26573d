// <Picture> and the product photos page: responsive, no layout shift, lazy below the fold; every
// action a plain form post.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import t from 'tap';
import { Picture, renderPage, type PhotoView } from '../src/index.js';
import { vendorCtx } from './fixtures/pages.js';

const resized = {
  url: '/media/s/p/abc-960w.jpg',
  width: 960,
  height: 720,
  srcsetWebp: '/media/s/p/a-200w.webp 200w, /media/s/p/b-480w.webp 480w, /media/s/p/c-960w.webp 960w',
  srcsetJpeg: '/media/s/p/d-200w.jpg 200w, /media/s/p/e-480w.jpg 480w, /media/s/p/abc-960w.jpg 960w',
};
const old = { url: '/media/s/old.png', width: null, height: null, srcsetWebp: '', srcsetJpeg: '' };

t.test('<Picture>: WebP and JPEG srcsets with sizes, width and height, lazy unless eager', async (t) => {
  const lazy = renderToString(h(Picture, { image: resized, alt: 'Kaju katli', sizes: '(min-width: 640px) 30vw, 45vw' }));
  t.match(lazy, /^<picture><source type="image\/webp" srcset="[^"]+960w" sizes="\(min-width: 640px\) 30vw, 45vw"\/><source type="image\/jpeg" srcset="[^"]+960w" sizes="[^"]+"\/><img /);
  t.match(lazy, / src="\/media\/s\/p\/abc-960w.jpg"/);
  t.match(lazy, / width="960" height="720"/);
  t.match(lazy, / loading="lazy"/);
  t.match(lazy, / decoding="async"/);
  t.match(lazy, / alt="Kaju katli"/);
  t.notMatch(lazy, /fetchpriority/);
  const eager = renderToString(h(Picture, { image: resized, alt: '', sizes: '100vw', eager: true }));
  t.notMatch(eager, /loading=/, 'above the fold: loaded at once');
  t.match(eager, / fetchpriority="high"/);
  const plain = renderToString(h(Picture, { image: old, alt: 'Old', sizes: '100vw', fallbackSize: 120 }));
  t.match(plain, /^<img src="\/media\/s\/old.png" alt="Old" width="120" height="120" loading="lazy" decoding="async"\/>$/, 'an image from before resizing: one file, a box of its own');
});

const photos: PhotoView[] = ['k1', 'k2', 'k3'].map((key) => ({ key, picture: resized }));
const page = (over: Partial<{ photos: PhotoView[]; errors: Record<string, string> }> = {}) =>
  renderPage({ page: 'product-photos', props: { ctx: vendorCtx({ csrfToken: 'crumb-1' }), product: { id: 'p-1', name: 'Kaju <katli>' }, photos, maxPhotos: 8, ...over } });

t.test('the photos page: upload several, cover first, move and delete as form posts', async (t) => {
  const html = page();
  t.match(html, /<form method="post" action="\/dashboard\/products\/p-1\/photos" enctype="multipart\/form-data"/);
  t.match(html, /<input name="files"[^>]* type="file" accept="image\/jpeg,image\/png,image\/webp" multiple required\/>/);
  t.match(html, /Choose up to 5 at once/);
  t.match(html, /Photos \(3 of 8\)/);
  t.match(html, /Kaju &lt;katli>/, 'the name is text');
  const items = [...html.matchAll(/<li data-key="(k\d)">([\s\S]*?)<\/li>/g)];
  t.same(items.map((m) => m[1]), ['k1', 'k2', 'k3']);
  const [first, middle, last] = items.map((m) => m[2] ?? '');
  t.match(first, /<span class="tag">Cover<\/span>/);
  t.notMatch(first, /value="cover"|value="earlier"/, 'the cover cannot move earlier');
  t.match(first, /value="later"/);
  t.match(middle, /value="cover"[\s\S]*value="earlier"[\s\S]*value="later"/);
  t.notMatch(last, /value="later"/);
  for (const item of [first, middle, last]) {
    t.match(item, /action="\/dashboard\/products\/p-1\/photos\/delete"/);
    t.match(item, /name="crumb" value="crumb-1"/);
  }
  t.match(first, / fetchpriority="high"/, 'the first row loads at once');
});

t.test('the photos page when full, empty, or after a refused upload', async (t) => {
  const full = page({ photos: Array.from({ length: 8 }, (_, i) => ({ key: `k${i}`, picture: resized })) });
  t.notMatch(full, /type="file"/);
  t.match(full, /the most it can have/);
  const empty = page({ photos: [] });
  t.match(empty, /No photos yet/);
  const refused = page({ errors: { files: 'Picture 2: the file must be a JPEG, PNG or WebP image' } });
  t.match(refused, /role="alert"[\s\S]*href="#photos-files"[^>]*>Add photos<\/a>/);
  t.match(refused, /aria-invalid="true"/);
});
