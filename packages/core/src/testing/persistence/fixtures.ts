import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import type { Category } from '../../catalog/category.js';
import type { Product, ProductImage } from '../../catalog/product.js';
import { summarizeVariants } from '../../catalog/variant-summary.js';
import type { Order, OrderLine } from '../../orders/order.js';
import type { Persistence, Repositories } from '../../persistence.js';
import { newId, newToken } from '../../shared/id.js';
import type { Store, VendorRecord } from '../../vendors/vendor.js';
import { defaultCheckoutSettings } from '../../stores/checkout-settings.js';

/**
 * What the adapter under test promises about order numbers. 'gapless': a failed checkout gives its
 * number back (SQLite, the store-row counter). 'gaps after a failure': numbers come from a counter
 * that does not roll back (PostgreSQL's per-store sequence), so a checkout that fails after taking
 * its number leaves a gap; successful orders placed in turn are still contiguous, and refusals
 * before the number (stock, coupon) take none.
 */
export type OrderNumbering = 'gapless' | 'gaps after a failure';

/** Options of the conformance suite. */
export interface ConformanceOptions {
  orderNumbers?: OrderNumbering;
}

/** A fresh adapter, and how to dispose of it once a test is done. */
export interface PersistenceHarness {
  persistence: Persistence;
  cleanup(): Promise<void>;
}

/** Makes a fresh adapter on a migrated database; called once per test. */
export type PersistenceFactory = () => Promise<PersistenceHarness>;

/** Opens an adapter for one test and disposes of it when the test ends. */
export async function open(t: Test, factory: PersistenceFactory): Promise<Persistence> {
  const { persistence, cleanup } = await factory();
  t.teardown(cleanup);
  return persistence;
}

/** A short random string, so tests sharing one database never collide. */
export function unique(): string {
  return randomBytes(5).toString('hex');
}

/** An ISO-8601 instant, `offsetMs` from now. */
export function at(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

/** A vendor with a unique email. */
export function vendorRecord(overrides: Partial<VendorRecord> = {}): VendorRecord {
  return { id: newId(), email: `vendor-${unique()}@example.com`, passwordHash: 'hash', createdAt: at(), passwordChangedAt: null, locale: 'en', ...overrides };
}

/** A store of the vendor with a unique slug. */
export function storeRecord(vendorId: string, overrides: Partial<Store> = {}): Store {
  const now = at();
  return {
    id: newId(),
    vendorId,
    slug: `shop-${unique()}`,
    name: 'Chai Corner',
    description: 'Tea and snacks',
    phone: '+919800000000',
    pickupAddress: '1 MG Road',
    logoUrl: null,
    currency: 'INR',
    deliveryFee: 4000,
    freeDeliveryAbove: 50000,
    minOrderValue: 0,
    isOpen: true,
    autoAcceptOrders: false,
    upiId: null,
    paymentMethods: ['cod'],
    timeZone: 'Asia/Kolkata',
    newOrderEmails: true,
    locale: 'en',
    ...defaultCheckoutSettings,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** A category of the store. */
export function categoryRecord(storeId: string, overrides: Partial<Category> = {}): Category {
  const now = at();
  return { id: newId(), storeId, name: `Category ${unique()}`, position: 0, createdAt: now, updatedAt: now, ...overrides };
}

/**
 * A product of the store without options: tracked stock 10, no SKU. `price`, `compareAtPrice`,
 * `stock` and `sku` among the overrides go to its default variant (whose id is the product's),
 * unless the overrides carry variants of their own.
 */
export function productRecord(storeId: string, overrides: Partial<Product> = {}): Product {
  const now = at();
  const id = overrides.id ?? newId();
  const fields = { price: 4900, compareAtPrice: null, stock: 10, sku: null, ...pickVariantFields(overrides) };
  const options = overrides.options ?? [];
  const variants = overrides.variants ?? [{ id, options: {}, ...fields, active: true, imageKey: null, position: 0 }];
  return {
    id,
    storeId,
    name: 'Masala Chai',
    slug: `masala-chai-${unique()}`,
    description: 'Strong and sweet',
    categoryId: null,
    taxRate: null,
    hsnCode: null,
    active: true,
    position: 0,
    images: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
    options,
    variants,
    ...summarizeVariants(options, variants),
  };
}

function pickVariantFields(overrides: Partial<Product>): Partial<Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'sku'>> {
  const picked: Partial<Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'sku'>> = {};
  if (overrides.price !== undefined) picked.price = overrides.price;
  if (overrides.compareAtPrice !== undefined) picked.compareAtPrice = overrides.compareAtPrice;
  if (overrides.stock !== undefined) picked.stock = overrides.stock;
  if (overrides.sku !== undefined) picked.sku = overrides.sku;
  return picked;
}

/** A patch that sets fields of a product's default variant (a product without options). */
export function defaultVariantPatch(product: Product, fields: Partial<Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'sku'>>): { variants: Product['variants'] } {
  const [first] = product.variants;
  if (!first) throw new Error('the product has no variant');
  return { variants: [{ ...first, ...fields }] };
}

/** A product as it reads after its default variant's fields changed. */
export function withDefaultVariant(product: Product, fields: Partial<Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'sku'>>): Product {
  const { variants } = defaultVariantPatch(product, fields);
  return { ...product, variants, ...summarizeVariants(product.options, variants) };
}

/** An image record as an ImageStore keeps one file of it (no renditions). */
export function imageRecord(key: string): ProductImage {
  return { key, url: `/media/${key}`, width: null, height: null, renditions: [], fileKeys: [key] };
}

/** An order line of a product without options (its default variant has the product's id). */
export function line(productId: string, name: string, unitPrice: number, quantity: number): OrderLine {
  const lineTotal = unitPrice * quantity;
  return { productId, variantId: productId, name, options: {}, sku: null, unitPrice, quantity, lineTotal, taxRate: 0, hsnCode: null, discount: 0, taxableValue: lineTotal, tax: 0 };
}

/** The address parts of a customer who gave a one-line address. */
export const noAddressParts = { house: null, street: null, landmark: null, city: null, state: null };

/** A pending two-line order of the store, without an idempotency key; numbered when placed. */
export function orderRecord(storeId: string, overrides: Partial<Order> = {}): Order {
  const now = at();
  return {
    id: newId(),
    storeId,
    number: 0,
    token: newToken(),
    status: 'pending',
    customer: { name: 'Asha', phone: '+919811111111', email: null, address: '2 Park Street', pincode: '700016', ...noAddressParts },
    items: [
      line(newId(), 'Masala Chai', 4900, 2),
      line(newId(), 'Samosa', 1500, 1),
    ],
    subtotal: 11300,
    deliveryMethod: 'delivery',
    discount: 0,
    coupon: null,
    deliveryFee: 4000,
    packagingFee: 0,
    codFee: 0,
    charges: [{ kind: 'delivery', amount: 4000, taxRate: 0, taxableValue: 4000, tax: 0 }],
    taxTotal: 0,
    tax: { cgst: 0, sgst: 0, igst: 0 },
    pricesIncludeTax: true,
    sellerGstin: null,
    placeOfSupply: null,
    invoice: null,
    total: 15300,
    currency: 'INR',
    paymentMethod: 'cod',
    payment: { method: 'cod', status: 'pending', reference: null, updatedAt: now },
    note: null,
    idempotencyKey: null,
    idempotencyFingerprint: null,
    customerErasedAt: null,
    history: [{ status: 'pending', at: now, reason: null }],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** Places the order under the store's next number, in a transaction; resolves it as stored. */
export async function placeOrder(persistence: Persistence, order: Order): Promise<Order> {
  const number = await persistence.transaction((tx) => tx.orders.insertWithNextNumber(order));
  return { ...order, number };
}

/** Inserts a vendor and their store. */
export async function seedStore(repos: Repositories, overrides: Partial<Store> = {}): Promise<{ vendor: VendorRecord; store: Store }> {
  const vendor = vendorRecord();
  const store = storeRecord(vendor.id, overrides);
  await repos.vendors.insert(vendor);
  await repos.stores.insert(store);
  return { vendor, store };
}

/** Inserts `count` products into the store, oldest first. */
export async function seedProducts(
  repos: Repositories,
  storeId: string,
  count: number,
  overrides: (index: number) => Partial<Product> = () => ({}),
): Promise<Product[]> {
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const product = productRecord(storeId, { name: `Product ${i}`, ...overrides(i) });
    await repos.products.insert(product);
    products.push(product);
  }
  return products;
}

/** What a ConflictError on `path` looks like to t.rejects. */
export function conflictOn(path: string): { code: string; details: { path: string }[] } {
  return { code: 'CONFLICT', details: [{ path }] };
}
