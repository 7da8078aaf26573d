import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import type { Category } from '../../catalog/category.js';
import type { Product } from '../../catalog/product.js';
import type { Order } from '../../orders/order.js';
import type { Persistence, Repositories } from '../../persistence.js';
import { newId, newToken } from '../../shared/id.js';
import type { Store, VendorRecord } from '../../vendors/vendor.js';

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
  return { id: newId(), email: `vendor-${unique()}@example.com`, passwordHash: 'hash', createdAt: at(), passwordChangedAt: null, ...overrides };
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

/** A product of the store: tracked stock 10, no SKU. */
export function productRecord(storeId: string, overrides: Partial<Product> = {}): Product {
  const now = at();
  return {
    id: newId(),
    storeId,
    name: 'Masala Chai',
    description: 'Strong and sweet',
    price: 4900,
    compareAtPrice: null,
    stock: 10,
    sku: null,
    categoryId: null,
    active: true,
    position: 0,
    images: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** A pending two-line order of the store, without an idempotency key; numbered when placed. */
export function orderRecord(storeId: string, overrides: Partial<Order> = {}): Order {
  const now = at();
  return {
    id: newId(),
    storeId,
    number: 0,
    token: newToken(),
    status: 'pending',
    customer: { name: 'Asha', phone: '+919811111111', email: null, address: '2 Park Street', pincode: '700016' },
    items: [
      { productId: newId(), name: 'Masala Chai', unitPrice: 4900, quantity: 2, lineTotal: 9800 },
      { productId: newId(), name: 'Samosa', unitPrice: 1500, quantity: 1, lineTotal: 1500 },
    ],
    subtotal: 11300,
    deliveryFee: 4000,
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
