// Uploaded photos become small, upright, anonymous files: three widths, WebP and JPEG each.
import sharp from 'sharp';
import t from 'tap';
import { processImage, renditionWidths } from '../src/index.js';
import { phonePhoto, pixelAt, transparentPng } from './support/photos.js';

const reds = (rgb: number[]) => (rgb[0] ?? 0) > 200 && (rgb[2] ?? 255) < 60;
const blues = (rgb: number[]) => (rgb[2] ?? 0) > 200 && (rgb[0] ?? 255) < 60;

t.test('a phone photo is turned upright by its EXIF orientation, then the tag is gone', async (t) => {
  // Stored 1600×800 landscape, orientation 6 (rotate 90° clockwise to show): a 800×1600 portrait.
  const photo = await phonePhoto(1600, 800, 6);
  const before = await sharp(photo).metadata();
  t.equal(before.orientation, 6, 'the upload carries orientation 6');
  const renditions = await processImage(photo);
  t.same(
    renditions.map((r) => [r.width, r.height]),
    [
      [200, 400],
      [480, 960],
      [800, 1600],
    ],
    'portrait at 200 and 480 px, and its own 800 px (never enlarged to 960)',
  );
  const largest = renditions[renditions.length - 1];
  if (!largest) throw new Error('no renditions');
  // The stored left half (red) becomes the top once turned clockwise.
  t.ok(reds(await pixelAt(largest.jpeg.bytes, 400, 200)), 'top is red');
  t.ok(blues(await pixelAt(largest.jpeg.bytes, 400, 1400)), 'bottom is blue');
  t.ok(reds(await pixelAt(largest.webp.bytes, 400, 200)), 'the WebP too');
});

t.test('EXIF, GPS and every other metadata are stripped from every file', async (t) => {
  const photo = await phonePhoto(1200, 900, 6);
  t.ok((await sharp(photo).metadata()).exif, 'the upload has EXIF (with GPS)');
  t.ok(photo.includes(Buffer.from('Secret Model 7')), 'and its camera model in the bytes');
  for (const r of await processImage(photo)) {
    for (const file of [r.jpeg, r.webp]) {
      const meta = await sharp(file.bytes).metadata();
      t.equal(meta.exif, undefined, `${file.type} ${r.width}: no EXIF`);
      t.equal(meta.xmp, undefined, `${file.type} ${r.width}: no XMP`);
      t.equal(meta.orientation, undefined, `${file.type} ${r.width}: no orientation left to apply twice`);
      t.notOk(file.bytes.includes(Buffer.from('Secret Model 7')) || file.bytes.includes(Buffer.from('PhoneCo')), 'no camera text anywhere in the bytes');
    }
  }
});

t.test('three widths, two formats, content-hashed names', async (t) => {
  const photo = await phonePhoto(3000, 2000, 1);
  const renditions = await processImage(photo);
  t.same(renditions.map((r) => r.width), [...renditionWidths]);
  t.same(renditions.map((r) => r.height), [133, 320, 640]);
  for (const r of renditions) {
    t.equal((await sharp(r.webp.bytes).metadata()).format, 'webp');
    t.equal((await sharp(r.jpeg.bytes).metadata()).format, 'jpeg');
    t.match(r.webp.hash, /^[\w-]{22}$/);
  }
  const again = await processImage(photo);
  t.same(
    again.map((r) => [r.webp.hash, r.jpeg.hash]),
    renditions.map((r) => [r.webp.hash, r.jpeg.hash]),
    'the same upload gives the same names',
  );
  const hashes = renditions.flatMap((r) => [r.webp.hash, r.jpeg.hash]);
  t.equal(new Set(hashes).size, 6, 'every file its own name');
  const largest = renditions[2];
  t.ok(largest && largest.jpeg.bytes.length < photo.length, 'smaller than the upload');
  t.ok(largest && largest.webp.bytes.length < largest.jpeg.bytes.length * 1.5, 'WebP no larger to speak of');
});

t.test('a small image is never enlarged; a transparent PNG gets a white JPEG and keeps alpha in WebP', async (t) => {
  const small = await processImage(await transparentPng(150, 100));
  t.same(small.map((r) => [r.width, r.height]), [[150, 100]], 'one rendition at its own size');
  const only = small[0];
  if (!only) throw new Error('no rendition');
  const [r, g, b] = await pixelAt(only.jpeg.bytes, 10, 10);
  t.ok(Math.abs(r - 128) < 4 && Math.abs(g - 192) < 4 && Math.abs(b - 128) < 4, `half-transparent green on white (${r}, ${g}, ${b})`);
  t.equal((await sharp(only.webp.bytes).metadata()).hasAlpha, true, 'WebP keeps the transparency');
  const mid = await processImage(await transparentPng(700, 700));
  t.same(mid.map((r) => r.width), [200, 480, 700]);
});

t.test('a long strip is bounded in height too', async (t) => {
  const strip = await processImage(await transparentPng(1000, 9000));
  t.same(strip.map((r) => [r.width, r.height]), [[200, 1800], [320, 2880]], 'at most 2880 px (three times 960) tall');
});

t.test('the pixel limit refuses a decompression bomb from its header, before decoding', async (t) => {
  // 12000×10000 of one colour: a small PNG that decodes to 360 MB.
  const bomb = await sharp({ create: { width: 12000, height: 10000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
  t.ok(bomb.length < 1_000_000, `the file is small (${bomb.length} bytes)`);
  const started = process.hrtime.bigint();
  const memoryBefore = process.memoryUsage().rss;
  await t.rejects(processImage(bomb, 'file'), { code: 'VALIDATION_FAILED', details: [{ path: 'file', message: /at most 40 megapixels/ }] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  t.ok(ms < 1000, `refused in ${ms.toFixed(0)} ms, without decoding`);
  t.ok(process.memoryUsage().rss - memoryBefore < 200_000_000, 'no 360 MB of pixels were allocated');
  // The limit is the pipeline's own, not only checkImage's: a lower one refuses a small photo.
  await t.rejects(processImage(await phonePhoto(400, 300, 1), 'files', { maxPixels: 100_000 }), { code: 'VALIDATION_FAILED', details: [{ path: 'files' }] });
});

t.test('damaged files are refused with a sentence, never a crash', async (t) => {
  const photo = await phonePhoto(800, 600, 1);
  await t.rejects(processImage(photo.subarray(0, photo.length - 500)), { code: 'VALIDATION_FAILED', details: [{ message: /damaged/ }] }, 'a photo cut short');
  await t.rejects(processImage(Buffer.from('GIF89a not really')), { code: 'VALIDATION_FAILED' });
  const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
  await t.rejects(processImage(garbage), { code: 'VALIDATION_FAILED' });
});

t.test('several at once are processed (two at a time) and all finish', async (t) => {
  const photos = await Promise.all([1, 2, 3, 4, 5].map((i) => phonePhoto(600 + i * 10, 400, 1)));
  const all = await Promise.all(photos.map((p) => processImage(p)));
  t.same(all.map((r) => r.length), [3, 3, 3, 3, 3]);
  t.same(all.map((r) => r[2]?.width), [610, 620, 630, 640, 650]);
});
