// Seeds the bench database through the core itself (the same code paths as the app), so the
// data is valid by construction and the seeding doubles as a check of placeOrder.
import { createDukaan } from '@dukaan-kit/core';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { diskImageStore } from '@dukaan-kit/core/disk';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import sharp from 'sharp';

export const shop = { email: 'shop@bench.local', password: 'bench-password-1', slug: 'bench-shop', products: 50, photos: 4, initialStock: 1_000_000, coupon: 'BENCH10' };

/**
 * The bench store's checkout settings: GST (prices include it, 5 % by default, some products at
 * 12 % or 18 %), a packaging fee and a COD fee, so every bench order is priced with tax, two extra
 * charges and a coupon, as a typical Indian store's are.
 */
export const checkoutSettings = {
  gstin: '29AAGCB7383J1Z4',
  defaultTaxRate: 5,
  packagingFee: { type: 'flat', value: 1000 },
  codFee: { type: 'percent', value: 2 },
};
const productRates = [null, 12, 18];

/** Each bench product is sold by weight: three variants, each with its own price, stock and SKU. */
export const weights = [
  { value: '250 g', factor: 1 },
  { value: '500 g', factor: 1.8 },
  { value: '1 kg', factor: 3.2 },
];
export const ordersShop = { email: 'orders@bench.local', password: 'bench-password-2', slug: 'bench-orders', orders: Number(process.env.BENCH_ORDERS ?? 10_000) };

/**
 * Runs the migrations and opens a core on the database (memory cache, its own process). The
 * seeded orders are history, not news: no dispatcher runs here, and closing marks their outbox
 * events dispatched, so the apps under load do not spend the run mailing 10,000 old orders.
 */
export async function openCore(databaseUrl, mediaDir) {
  const knex = createKnex(databaseUrl, { poolMax: 10 });
  await migrateLatest(knex);
  const images = mediaDir ? diskImageStore({ directory: mediaDir, publicPath: '/media' }) : undefined;
  const core = createDukaan({ persistence: objectionPersistence(knex), cache: keyvCache(), outbox: { enabled: false }, ...(images ? { images } : {}) });
  return {
    ...core,
    /** The core's own knex, for db-ceiling.mjs to record what a checkout sends. */
    knex,
    async close() {
      await knex('outbox_events').whereNull('dispatched_at').update({ dispatched_at: new Date().toISOString() });
      await core.close();
    },
  };
}

/** A phone-sized photo (1600 × 1200 JPEG) of its own colour, so that no two share a file. */
function photo(n) {
  const channel = (k) => (n * 37 * (k + 1)) % 256;
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: channel(0), g: channel(1), b: channel(2) } } })
    .composite([{ input: Buffer.from(`<svg width="1600" height="1200"><circle cx="${400 + (n % 800)}" cy="600" r="300" fill="white"/></svg>`) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * The store of scenarios (a)-(d): 50 products in 5 categories, each with 3 variants (by weight)
 * and 4 photos, tracked stock large enough for any run.
 */
export async function seedShop(dukaan, { withPhotos = true } = {}) {
  const { store } = await dukaan.vendors.signUp({ email: shop.email, password: shop.password, storeName: 'Bench Chai & Snacks', slug: shop.slug, phone: '9876543210' });
  await dukaan.stores.update(store.id, {
    description: 'Teas, spices and snacks: the benchmark store, fifty products strong.',
    deliveryFee: 4000,
    freeDeliveryAbove: 99900,
    pickupAddress: '12 MG Road, Bengaluru 560001',
    // Orders wait for the vendor: tax invoices are numbered at acceptance, not in the checkout.
    autoAcceptOrders: false,
    ...checkoutSettings,
  });
  // No usage limit: every bench order uses it, and the limit's own cost is a row update either way.
  await dukaan.coupons.create(store.id, { code: shop.coupon, type: 'percent', value: 10, maxDiscount: 20000 });
  const categories = [];
  for (const name of ['Tea', 'Spices', 'Snacks', 'Accessories', 'Gifts']) {
    categories.push((await dukaan.catalog.createCategory(store.id, { name })).id);
  }
  const products = [];
  for (let i = 0; i < shop.products; i++) {
    const price = 4900 + ((i * 3700) % 50000);
    const variants = weights.map((w, k) => {
      const variantPrice = Math.round(price * w.factor);
      return {
        options: { Weight: w.value },
        price: variantPrice,
        compareAtPrice: i % 4 === 0 ? variantPrice + 1000 : null,
        stock: shop.initialStock,
        sku: `BENCH-${i + 1}-${k + 1}`,
      };
    });
    const product = await dukaan.catalog.createProduct(store.id, {
      name: `Bench product ${String(i + 1).padStart(2, '0')} — ${['Masala chai', 'Cardamom', 'Khari puff', 'Brass strainer', 'Gift box'][i % 5]}`,
      description: `Product ${i + 1} of the benchmark store: small-batch, packed fresh, delivered across Bengaluru. <b>Escaped</b> & "quoted".`,
      options: [{ name: 'Weight', values: weights.map((w) => w.value) }],
      variants,
      categoryId: categories[i % categories.length],
      taxRate: productRates[i % productRates.length],
      hsnCode: '0902',
    });
    if (withPhotos) {
      const files = await Promise.all(Array.from({ length: shop.photos }, (_, k) => photo(i * shop.photos + k)));
      await dukaan.catalog.addProductImages(store.id, product.id, files);
    }
    products.push({ id: product.id, taxRate: product.taxRate, variants: product.variants.map((v) => ({ id: v.id, price: v.price })) });
  }
  return { storeId: store.id, products, deliveryFee: 4000, freeDeliveryAbove: 99900, ...checkoutSettings };
}

/** The store of scenario (e): a few products and `ordersShop.orders` orders placed through placeOrder. */
export async function seedOrdersShop(dukaan, { concurrency = 8 } = {}) {
  const { store } = await dukaan.vendors.signUp({ email: ordersShop.email, password: ordersShop.password, storeName: 'Bench Busy Shop', slug: ordersShop.slug, phone: '9876543211' });
  const products = [];
  for (let i = 0; i < 5; i++) {
    products.push((await dukaan.catalog.createProduct(store.id, { name: `Busy product ${i + 1}`, price: 9900 + i * 1000, stock: null })).id);
  }
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < ordersShop.orders) {
      const n = next++;
      await dukaan.orders.place(
        ordersShop.slug,
        {
          customer: { name: `Customer ${n}`, phone: '9876543210', address: `${n} Residency Road, Bengaluru`, pincode: '560025' },
          items: [{ productId: products[n % products.length], quantity: 1 + (n % 3) }],
          paymentMethod: 'cod',
        },
        { idempotencyKey: `seed-${n}` },
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { storeId: store.id, orders: ordersShop.orders, seconds: (Date.now() - started) / 1000 };
}
