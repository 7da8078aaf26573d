// Photos of a product: several at once, at most 8, reordered (first is the cover), removed with
// every file, on both databases; the account's export and closing reach every file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import t from 'tap';
import { maxImagesPerProduct, toPublicImage } from '../src/index.js';
import { diskImageStore } from '../src/adapters/disk/index.js';
import { coreVariants } from './support/core-variants.js';
import { tinyPng } from './support/images.js';
import { openStore } from './support/orders.js';
import { distinctPhotos, phonePhoto } from './support/photos.js';

/** Every file under the media directory, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, mediaDir } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const photos = await distinctPhotos(9, 1200, 900);
    const onDisk = (key: string) => existsSync(join(mediaDir, key));

    t.test('several photos at once: each in three widths as WebP and JPEG, under content-hashed names', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Kaju katli', price: 45000 });
      const product = await dukaan.catalog.addProductImages(store.id, p.id, photos.slice(0, 3));
      t.equal(product.images.length, 3);
      for (const image of product.images) {
        t.match(image, { width: 960, height: 720 });
        t.same(image.renditions.map((r) => [r.width, r.height]), [[200, 150], [480, 360], [960, 720]]);
        t.equal(image.fileKeys.length, 6);
        for (const key of image.fileKeys) {
          t.match(key, new RegExp(`^${store.id}/${p.id}/[\\w-]{22}-\\d+w\\.(webp|jpg)$`));
          t.ok(onDisk(key), `${key} written`);
        }
        t.equal(image.url, `/media/${image.key}`, 'the largest JPEG is the image');
        t.match(image.renditions[0]?.webpUrl, /^\/media\/.+-200w\.webp$/);
        const meta = await sharp(join(mediaDir, image.key)).metadata();
        t.equal(meta.exif, undefined, 'no EXIF on disk');
      }
      const shown = toPublicImage(product.images[0]!);
      t.match(shown.srcsetWebp, /^\/media\/\S+-200w\.webp 200w, \/media\/\S+-480w\.webp 480w, \/media\/\S+-960w\.webp 960w$/);
      t.match(shown.srcsetJpeg, /-960w\.jpg 960w$/);
      t.same([shown.width, shown.height], [960, 720]);
      const reread = await dukaan.catalog.getProduct(store.id, p.id);
      t.same(reread.images, product.images, 'the renditions survive the database');
    });

    t.test('at most 8 a product; a bad file refuses the whole batch and writes nothing', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Barfi', price: 30000 });
      const before = filesUnder(mediaDir);
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, photos.slice(0, 9)), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'file', message: `A product may have at most ${maxImagesPerProduct} pictures: it has 0, so add at most 8 more` }],
      });
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, [photos[0]!, Buffer.from('<svg onload=alert(1)>'), photos[1]!], 'files'), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'files', message: 'Picture 2: the file must be a JPEG, PNG or WebP image' }],
      });
      const cut = photos[2]!.subarray(0, photos[2]!.length - 2000);
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, [photos[0]!, cut]), { code: 'VALIDATION_FAILED', details: [{ message: /^Picture 2: the file is damaged/ }] });
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, [photos[0]!, photos[0]!]), { code: 'VALIDATION_FAILED', details: [{ message: 'Picture 2: the product already has this picture' }] });
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, []), { code: 'VALIDATION_FAILED', details: [{ message: 'Choose at least one picture' }] });
      t.same(filesUnder(mediaDir), before, 'no file left behind by a refused batch');
      t.same((await dukaan.catalog.getProduct(store.id, p.id)).images, []);

      await dukaan.catalog.addProductImages(store.id, p.id, photos.slice(0, 6));
      await t.rejects(dukaan.catalog.addProductImages(store.id, p.id, photos.slice(6, 9)), { code: 'VALIDATION_FAILED', details: [{ message: /it has 6, so add at most 2 more/ }] });
      const full = await dukaan.catalog.addProductImages(store.id, p.id, photos.slice(6, 8));
      t.equal(full.images.length, 8);
      await t.rejects(dukaan.catalog.addProductImage(store.id, p.id, photos[8]!), { code: 'VALIDATION_FAILED', details: [{ message: /at most 8 pictures; remove one/ }] });
      await t.rejects(dukaan.catalog.addProductImages(other.id, p.id, [photos[8]!]), { code: 'NOT_FOUND' }, "another store's product");
    });

    t.test('the same photo again on the same product is refused; on another product it gets its own files', async (t) => {
      const a = await dukaan.catalog.createProduct(store.id, { name: 'Peda', price: 100 });
      const b = await dukaan.catalog.createProduct(store.id, { name: 'Peda box', price: 100 });
      await dukaan.catalog.addProductImage(store.id, a.id, photos[0]!);
      await t.rejects(dukaan.catalog.addProductImage(store.id, a.id, photos[0]!), { code: 'VALIDATION_FAILED', details: [{ message: 'The product already has this picture' }] });
      const { product: withB } = await dukaan.catalog.addProductImage(store.id, b.id, photos[0]!);
      const keyB = withB.images[0]!.key;
      t.ok(keyB.startsWith(`${store.id}/${b.id}/`));
      await dukaan.catalog.deleteProduct(store.id, a.id);
      t.ok(onDisk(keyB), "deleting the other product leaves this one's files");
    });

    t.test('reorder: the listed pictures first, the first one the cover', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Ladoo', price: 100 });
      const product = await dukaan.catalog.addProductImages(store.id, p.id, photos.slice(0, 4));
      const [k1, k2, k3, k4] = product.images.map((i) => i.key) as [string, string, string, string];
      const reordered = await dukaan.catalog.reorderProductImages(store.id, p.id, [k4, k3, k2, k1]);
      t.same(reordered.images.map((i) => i.key), [k4, k3, k2, k1]);
      const cover = await dukaan.catalog.reorderProductImages(store.id, p.id, [k2]);
      t.same(cover.images.map((i) => i.key), [k2, k4, k3, k1], 'one key: that picture becomes the cover, the rest keep their order');
      const byUrl = await dukaan.catalog.reorderProductImages(store.id, p.id, [cover.images[3]!.url]);
      t.equal(byUrl.images[0]?.key, k1, 'the API names pictures by URL');
      await t.rejects(dukaan.catalog.reorderProductImages(store.id, p.id, [k1, k1]), { code: 'VALIDATION_FAILED', details: [{ path: 'keys', message: 'The same picture is listed twice' }] });
      await t.rejects(dukaan.catalog.reorderProductImages(store.id, p.id, ['../../etc/passwd']), { code: 'VALIDATION_FAILED', details: [{ path: 'keys', message: /no longer on this product/ }] });
      await t.rejects(dukaan.catalog.reorderProductImages(store.id, p.id, 'k1'), { code: 'VALIDATION_FAILED' });
      await t.rejects(dukaan.catalog.reorderProductImages(store.id, p.id, []), { code: 'VALIDATION_FAILED', details: [{ message: 'List at least one picture' }] });
      await t.rejects(dukaan.catalog.reorderProductImages(other.id, p.id, [k1]), { code: 'NOT_FOUND' });
      const { view } = await dukaan.storefront.view(store.slug);
      t.equal(view.products.find((x) => x.id === p.id)?.images[0], byUrl.images[0]?.url, 'the store shows the new cover');
    });

    t.test('remove: every file of the picture goes; a variant showing it falls back to the cover', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, {
        name: 'Kurta',
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { options: { Size: 'S' }, price: 50000 },
          { options: { Size: 'M' }, price: 50000 },
        ],
      });
      const product = await dukaan.catalog.addProductImages(store.id, p.id, photos.slice(0, 2));
      const second = product.images[1]!;
      const withVariantImage = await dukaan.catalog.updateProduct(store.id, p.id, {
        variants: product.variants.map((v) => ({ id: v.id, options: v.options, price: v.price, image: v.options['Size'] === 'M' ? second.url : null })),
      });
      t.equal(withVariantImage.variants.find((v) => v.options['Size'] === 'M')?.imageKey, second.key);
      const without = await dukaan.catalog.removeProductImage(store.id, p.id, second.key);
      t.same(without.images.map((i) => i.key), [product.images[0]!.key]);
      t.equal(without.variants.find((v) => v.options['Size'] === 'M')?.imageKey, null, 'the variant shows the cover now');
      for (const key of second.fileKeys) t.notOk(onDisk(key), `${key} deleted`);
      for (const key of product.images[0]!.fileKeys) t.ok(onDisk(key), `${key} kept`);
      await t.rejects(dukaan.catalog.removeProductImage(store.id, p.id, second.key), { code: 'NOT_FOUND' });
      await dukaan.catalog.deleteProduct(store.id, p.id);
      for (const key of product.images[0]!.fileKeys) t.notOk(onDisk(key), `${key} deleted with the product`);
    });

    t.test('an image stored before resizing still shows and is removed', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Old', price: 100 });
      const { key, url } = await diskImageStore({ directory: mediaDir, publicPath: '/media' }).save(tinyPng, 'image/png', `${store.id}/`);
      await fixture.knex('products').where({ id: p.id }).update({ images: JSON.stringify([{ key, url }]) });
      const old = await dukaan.catalog.getProduct(store.id, p.id);
      t.same(old.images, [{ key, url, width: null, height: null, renditions: [], fileKeys: [key] }]);
      t.same(toPublicImage(old.images[0]!), { url, width: null, height: null, srcsetWebp: '', srcsetJpeg: '' });
      const added = await dukaan.catalog.addProductImage(store.id, p.id, await phonePhoto(500, 500, 1));
      const cover = await dukaan.catalog.reorderProductImages(store.id, p.id, [added.product.images[1]!.key]);
      t.equal(cover.images[1]?.key, key);
      await dukaan.catalog.removeProductImage(store.id, p.id, key);
      t.notOk(onDisk(key));
    });
  });
}
