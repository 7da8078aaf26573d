import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { ProductModel } from '../src/adapters/objection/models/product-model.js';
import type { Product } from '../src/catalog/product.js';
import { imageRecord, productRecord, seedStore } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const dir = mkdtempSync(join(tmpdir(), 'dukaan-product-reads-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

type Open = (t: Test) => Promise<Knex>;
const databases: Array<[string, Open]> = [
  [
    'SQLite',
    async (t) => {
      const knex = createKnex(`sqlite:${join(dir, `${uniqueTestName('db')}.db`)}`);
      t.teardown(() => knex.destroy());
      await migrateLatest(knex);
      return knex;
    },
  ],
];
const { postgresUrl } = testServices();
if (postgresUrl !== null) {
  databases.push([
    'PostgreSQL',
    async (t) => {
      const schema = uniqueTestName('t');
      const knex = createKnex(postgresUrl, { schema });
      t.teardown(async () => {
        await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
        await knex.destroy();
      });
      await migrateLatest(knex);
      return knex;
    },
  ]);
}

/** Products of every shape the page reads: options, switched-off and untracked variants, a tax rate, old and resized images. */
function catalogue(storeId: string): Product[] {
  const resized = {
    key: 'p/a-960w.jpg',
    url: '/media/p/a-960w.jpg',
    width: 960,
    height: 720,
    renditions: [{ width: 200, height: 150, webpUrl: '/media/p/a-200w.webp', jpegUrl: '/media/p/a-200w.jpg' }],
    fileKeys: ['p/a-200w.webp', 'p/a-200w.jpg', 'p/a-960w.jpg'],
  };
  const options = [{ name: 'Weight', values: ['250 g', '500 g'] }];
  const variant = (id: string, value: string, fields: Partial<Product['variants'][number]>) => ({
    id,
    options: { Weight: value },
    price: 10000,
    compareAtPrice: null,
    stock: 5,
    sku: null,
    active: true,
    imageKey: null,
    position: value === '250 g' ? 0 : 1,
    ...fields,
  });
  return [
    productRecord(storeId, { name: 'Plain', position: 0, taxRate: 5, hsnCode: '0902', images: [imageRecord('old.jpg')] }),
    productRecord(storeId, {
      id: 'prod-options',
      name: 'Laddoo',
      position: 1,
      options,
      images: [imageRecord('cover.jpg'), resized],
      variants: [variant('var-a', '250 g', { price: 25000, compareAtPrice: 30000, imageKey: 'p/a-960w.jpg', sku: 'L-250' }), variant('var-b', '500 g', { price: 45000, stock: null, active: false })],
    }),
    productRecord(storeId, { name: 'Hidden', position: 2, active: false }),
  ];
}

for (const [name, open] of databases) {
  t.test(`${name}: the store page's read gives the products the models gave, without building a model`, async (t) => {
    const knex = await open(t);
    const persistence = objectionPersistence(knex);
    const { store } = await seedStore(persistence);
    for (const product of catalogue(store.id)) await persistence.products.insert(product);

    const built = t.capture(ProductModel, 'fromDatabaseJson');
    const read = await persistence.products.listActive(store.id);
    t.equal(built().length, 0, 'no ProductModel per row');
    built.restore();
    const rows = (await knex('products').where({ store_id: store.id, active: true }).orderBy('position')) as Record<string, unknown>[];
    const expected = rows.map((row, i) => ProductModel.fromDatabaseJson(row).toProduct(read[i]?.variants ?? []));
    t.same(read, expected, 'same values');
    t.same(read.map((p) => Object.keys(p)), expected.map((p) => Object.keys(p)), 'same keys in the same order');
    t.same(read.map((p) => p.name), ['Plain', 'Laddoo']);
    t.equal(read[0]?.taxRate, 5);
    t.equal(read[1]?.taxRate, null);
    t.equal(read[1]?.variants[1]?.active, false, "SQLite's 0 is false");
    t.same(read[1]?.images[1]?.renditions, catalogue(store.id)[1]?.images[1]?.renditions);
    t.same(await persistence.products.findByIds(store.id, ['prod-options']), [read[1]], 'the checkout read agrees');
  });
}
