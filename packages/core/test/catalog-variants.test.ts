import t from 'tap';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

const weights = { options: [{ name: 'Weight', values: ['250 g', '500 g', '1 kg'] }] };
const sweetVariants = [
  { options: { Weight: '250 g' }, price: 12000, stock: 10, sku: 'LAD-250' },
  { options: { Weight: '500 g' }, price: 22000, compareAtPrice: 25000, stock: 10, sku: 'LAD-500' },
  { options: { weight: '1 KG' }, price: 40000, stock: 10, sku: 'LAD-1K' },
];

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const catalog = dukaan.catalog;

    t.test('a product with options: variants in order, spelt as the options, summary and public view', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Besan Laddoo', ...weights, variants: sweetVariants });
      t.equal(p.slug, 'besan-laddoo', 'the slug is made from the name');
      t.same(p.variants.map((v) => v.options), [{ Weight: '250 g' }, { Weight: '500 g' }, { Weight: '1 kg' }], 'matched case-insensitively');
      t.match(p, { price: 12000, compareAtPrice: null, stock: 30, sku: null });
      const { view } = await dukaan.storefront.view(store.slug);
      const listed = view.products.find((x) => x.id === p.id);
      t.match(listed, { slug: 'besan-laddoo', price: 12000, priceVaries: true, inStock: true, stock: 30 });
      t.equal(listed?.variants.length, 3);
      t.match(listed?.variants[1], { options: { Weight: '500 g' }, price: 22000, compareAtPrice: 25000, sku: 'LAD-500', stock: 10, inStock: true, image: null });
      const again = await catalog.createProduct(store.id, { name: 'Besan  Laddoo!', price: 100 });
      t.equal(again.slug, 'besan-laddoo-2', 'a taken slug gets a number');
      const hindi = await catalog.createProduct(store.id, { name: 'काजू कतली', price: 100 });
      t.equal(hindi.slug, 'काजू-कतली', 'Devanagari names keep their letters');
    });

    t.test('variant rules are checked and named by field', async (t) => {
      const bad = (input: Record<string, unknown>, path: string, message: RegExp) =>
        t.rejects(catalog.createProduct(store.id, { name: 'Bad', ...input }), { code: 'VALIDATION_FAILED', details: [{ path, message }] });
      await bad({ ...weights, variants: [{ options: { Weight: '2 kg' }, price: 1 }] }, 'variants.0.options', /no value "2 kg"/);
      await bad({ ...weights, variants: [{ options: {}, price: 1 }] }, 'variants.0.options', /Choose a value for Weight/);
      await bad({ ...weights, variants: [{ options: { Weight: '1 kg', Size: 'L' }, price: 1 }] }, 'variants.0.options', /no option "Size"/);
      await bad({ ...weights, variants: [{ options: { Weight: '1 kg' }, price: 1 }, { options: { Weight: '1 KG' }, price: 2 }] }, 'variants.1.options', /same combination/);
      await bad({ ...weights }, 'variants', /List the variants/);
      await bad({ ...weights, price: 100, variants: [{ options: { Weight: '1 kg' }, price: 1 }] }, 'price', /set the price on each variant/);
      await bad({ price: 100, variants: [{ options: {}, price: 1 }] }, 'variants', /Variants need options/);
      await bad({ description: 'no price' }, 'price', /Price is required/);
      await bad({ options: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] })), variants: [] }, 'options', /at most 3 options/);
      await bad({ ...weights, variants: [{ options: { Weight: '1 kg' }, price: 100, compareAtPrice: 50 }] }, 'variants.0.compareAtPrice', /more than the price/);
      await bad({ ...weights, variants: [{ options: { Weight: '1 kg' }, price: 100, image: '/media/not-mine.jpg' }] }, 'variants.0.image', /one of the product's images/);
      await bad({ options: [{ name: 'Weight', values: ['1 kg', '1 KG'] }], variants: [] }, 'options.0.values', /must not repeat/);
    });

    t.test('update: kept variant ids, a rename moves the slug and keeps the old one, options on and off', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Kaju Barfi', ...weights, variants: sweetVariants.map((v) => ({ ...v, sku: `KB-${v.price}` })) });
      const [small, medium] = p.variants;
      const updated = await catalog.updateProduct(store.id, p.id, {
        variants: [{ id: medium!.id, options: { Weight: '500 g' }, price: 23000 }, { options: { Weight: '1 kg' }, price: 41000, stock: 2 }],
      });
      t.equal(updated.variants[0]?.id, medium!.id, 'kept by id');
      t.equal(updated.variants[0]?.stock, 10, 'a field left out keeps its value');
      t.equal(updated.variants[0]?.sku, `KB-22000`);
      t.notOk(updated.variants.some((v) => v.id === small!.id), 'the missing one is gone');
      await t.rejects(catalog.updateProduct(store.id, p.id, { variants: [{ id: small!.id, options: { Weight: '250 g' }, price: 1 }] }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'variants.0.id' }],
      });
      await t.rejects(catalog.updateProduct(store.id, p.id, { price: 5 }), { code: 'VALIDATION_FAILED', details: [{ path: 'price' }] }, 'no product-level price with options');
      const renamed = await catalog.updateProduct(store.id, p.id, { name: 'Kaju Katli' });
      t.equal(renamed.slug, 'kaju-katli');
      t.same(await fixture.persistence.products.findSlug(store.id, 'kaju-barfi'), { productId: p.id, current: false });
      const simple = await catalog.updateProduct(store.id, p.id, { options: [], price: 30000, stock: 4 });
      t.match(simple, { options: [], price: 30000, stock: 4 });
      t.equal(simple.variants.length, 1);
      t.equal(simple.variants[0]?.id, p.id, 'a product without options has its own id as its variant id');
      t.equal((await catalog.updateProduct(store.id, p.id, { price: 31000 })).variants[0]?.id, p.id, 'kept');
      await t.rejects(catalog.updateProduct(other.id, p.id, { name: 'Mine' }), { code: 'NOT_FOUND' });
      const explicit = await catalog.updateProduct(store.id, p.id, { slug: 'Katli-Special' });
      t.equal(explicit.slug, 'katli-special');
      const clash = await catalog.createProduct(store.id, { name: 'Other', price: 1 });
      await t.rejects(catalog.updateProduct(store.id, clash.id, { slug: 'kaju-barfi' }), { code: 'CONFLICT', details: [{ path: 'slug' }] }, 'an earlier slug of another product');
    });

    t.test('review: repeated ids and SKUs, stock kept across a sale and when options go, id-shaped slugs', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Jalebi', ...weights, variants: sweetVariants.map((v) => ({ ...v, sku: null })) });
      const [a, b] = p.variants;
      await t.rejects(
        catalog.updateProduct(store.id, p.id, { variants: [{ id: a!.id, options: { Weight: '250 g' }, price: 1 }, { id: a!.id, options: { Weight: '500 g' }, price: 2 }] }),
        { code: 'VALIDATION_FAILED', details: [{ path: 'variants.1' }] },
        'the same variant twice would lose one',
      );
      await t.rejects(
        catalog.updateProduct(store.id, p.id, { variants: [{ options: { Weight: '250 g' }, price: 1, sku: 'J-1' }, { options: { Weight: '500 g' }, price: 2, sku: 'j-1' }] }),
        { code: 'VALIDATION_FAILED', details: [{ path: 'variants.1.sku', message: /same SKU/ }] },
      );
      // A sale between the vendor's read and the write must not be undone by the write.
      await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: b!.id, quantity: 2 }]));
      const renamed = await catalog.updateProduct(store.id, p.id, {
        variants: p.variants.map((v) => ({ id: v.id, options: v.options, price: v.price + 100 })),
      });
      t.same(renamed.variants.map((v) => v.stock), [10, 8, 10], 'stock not sent: the stored stock stays');
      const simple = await catalog.updateProduct(store.id, p.id, { options: [], price: 5000 });
      t.equal(simple.stock, 28, 'dropping the options pools the stock instead of making it unlimited');
      await t.rejects(catalog.createProduct(store.id, { name: 'X', price: 1, slug: p.id }), { code: 'VALIDATION_FAILED', details: [{ path: 'slug' }] });
      const named = await catalog.createProduct(store.id, { name: p.id, price: 1 });
      t.not(named.slug, p.id, 'a name shaped like an id does not give an id-shaped slug');
    });

    t.test('stock adjustments name the variant of a product with options', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Peda', ...weights, variants: sweetVariants.map((v) => ({ ...v, sku: null })) });
      await t.rejects(catalog.adjustStock(store.id, p.id, { delta: 1 }), { code: 'VALIDATION_FAILED', details: [{ path: 'variantId' }] });
      const after = await catalog.adjustStock(store.id, p.id, { delta: -3, variantId: p.variants[2]!.id });
      t.same(after.variants.map((v) => v.stock), [10, 10, 7]);
      const simple = await catalog.createProduct(store.id, { name: 'Chai', price: 100, stock: 1 });
      t.equal((await catalog.adjustStock(store.id, simple.id, { delta: 2 })).stock, 3, 'no variant id needed without options');
    });

    t.test('checkout: a line names its variant; price, options and SKU are the variant\'s; stock is per variant', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Soan Papdi', ...weights, variants: sweetVariants.map((v) => ({ ...v, sku: `SP-${v.price}` })) });
      const medium = p.variants[1]!;
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }])), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'items.0.variantId', message: /variantId is required/ }],
      });
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: medium.id, quantity: 2 }]));
      t.match(order.items[0], { productId: p.id, variantId: medium.id, options: { Weight: '500 g' }, sku: 'SP-22000', unitPrice: 22000, quantity: 2, lineTotal: 44000 });
      t.same((await catalog.getProduct(store.id, p.id)).variants.map((v) => v.stock), [10, 8, 10], 'only that variant');
      const read = await dukaan.orders.get(store.id, order.id);
      t.same(read.items, order.items, 'lines round-trip with their variant');
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled' });
      t.same((await catalog.getProduct(store.id, p.id)).variants.map((v) => v.stock), [10, 10, 10], 'cancel gives it back');
      await catalog.updateProduct(store.id, p.id, { variants: p.variants.map((v, i) => ({ id: v.id, options: v.options, price: v.price, active: i !== 0 })) });
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: p.variants[0]!.id, quantity: 1 }])), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'items.0.variantId', message: /not available/ }],
      }, 'a switched-off variant');
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: '01900000-0000-7000-8000-000000000000', quantity: 1 }])), { code: 'VALIDATION_FAILED' });
      const simple = await catalog.createProduct(store.id, { name: 'Rusk', price: 5000 });
      const byDefault = await dukaan.orders.place(store.slug, orderFor([{ productId: simple.id, variantId: simple.id, quantity: 1 }]));
      t.match(byDefault.order.items[0], { variantId: simple.id, options: {}, sku: null });
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: simple.id, quantity: 1 }])), { code: 'VALIDATION_FAILED' }, "another product's variant");
    });

    t.test('50 buyers for the 10 units of one variant: exactly 10 orders; the siblings are untouched', async (t) => {
      const p = await catalog.createProduct(store.id, { name: 'Mysore Pak', ...weights, variants: sweetVariants.map((v) => ({ ...v, sku: null })) });
      const target = p.variants[0]!;
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => dukaan.orders.place(store.slug, orderFor([{ productId: p.id, variantId: target.id, quantity: 1 }]))),
      );
      const placed = results.filter((r) => r.status === 'fulfilled');
      t.equal(placed.length, 10);
      t.ok(
        results.every((r) => r.status === 'fulfilled' || (r.reason as { code?: string }).code === 'OUT_OF_STOCK'),
        'the others were told it sold out',
      );
      t.same((await catalog.getProduct(store.id, p.id)).variants.map((v) => v.stock), [0, 10, 10]);
      const { view } = await dukaan.storefront.view(store.slug);
      const listed = view.products.find((x) => x.id === p.id);
      t.match(listed?.variants.map((v) => v.inStock), [false, true, true], 'the store view follows per variant');
      t.equal(listed?.inStock, true);
    });
  });
}
