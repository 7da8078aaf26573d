import t from 'tap';
import { ValidationFailedError } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore, orderFor } from './support/orders.js';

const long = (n: number) => 'x'.repeat(n);

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Tea', price: 1000, stock: 5 });
    const foreign = await dukaan.catalog.createProduct(other.id, { name: 'Not yours', price: 1000 });
    const line = [{ productId: product.id, quantity: 1 }];

    /** Each case: the call, and the paths that must be reported (every one of them, at once). */
    const cases: Array<[string, () => Promise<unknown>, string[]]> = [
      ['signUp empty', () => dukaan.vendors.signUp({}), ['email', 'password', 'storeName']],
      ['signUp wrong types', () => dukaan.vendors.signUp({ email: 42, password: true, storeName: [] }), ['email', 'password', 'storeName']],
      ['signUp bad values', () => dukaan.vendors.signUp({ email: 'not-an-email', password: 'short', storeName: long(81), slug: 'a' }), ['email', 'password', 'storeName', 'slug']],
      ['signUp reserved slug', () => dukaan.vendors.signUp({ email: 'r@example.com', password: 'long enough', storeName: 'R', slug: 'dashboard' }), ['slug']],
      ['signUp double hyphen slug', () => dukaan.vendors.signUp({ email: 'r@example.com', password: 'long enough', storeName: 'R', slug: 'my--shop' }), ['slug']],
      ['signUp bad phone', () => dukaan.vendors.signUp({ email: 'r@example.com', password: 'long enough', storeName: 'R', phone: '12345' }), ['phone']],
      ['signUp unknown field', () => dukaan.vendors.signUp({ email: 'r@example.com', password: 'long enough', storeName: 'R', admin: true }), ['admin']],
      ['logIn empty', () => dukaan.vendors.logIn({ email: '', password: '' }), ['email', 'password']],
      ['updateStore nothing', () => dukaan.stores.update(store.id, {}), ['body']],
      ['updateStore bad values', () => dukaan.stores.update(store.id, { name: '', currency: 'XYZ', deliveryFee: -1, minOrderValue: 10.5, isOpen: 'yes' }), ['name', 'currency', 'deliveryFee', 'minOrderValue', 'isOpen']],
      ['updateStore money as string', () => dukaan.stores.update(store.id, { deliveryFee: '100' }), ['deliveryFee']],
      ['createCategory empty', () => dukaan.catalog.createCategory(store.id, { name: '' }), ['name']],
      ['createCategory too long, negative position', () => dukaan.catalog.createCategory(store.id, { name: long(61), position: -1 }), ['name', 'position']],
      ['createProduct empty', () => dukaan.catalog.createProduct(store.id, {}), ['name', 'price']],
      ['createProduct negative price and stock', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: -5, stock: -1 }), ['price', 'stock']],
      ['createProduct wrong types', () => dukaan.catalog.createProduct(store.id, { name: 5, price: '10', active: 'no', sku: 'has space' }), ['name', 'price', 'active', 'sku']],
      ['createProduct fractional price', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: 10.5 }), ['price']],
      ['createProduct too long', () => dukaan.catalog.createProduct(store.id, { name: long(121), description: long(5001), price: 1 }), ['name', 'description']],
      ['createProduct MRP below price', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: 500, compareAtPrice: 400 }), ['compareAtPrice']],
      ['createProduct another store\'s category', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: 1, categoryId: foreign.id }), ['categoryId']],
      ['updateProduct nothing', () => dukaan.catalog.updateProduct(store.id, product.id, {}), ['body']],
      ['placeOrder not an object', () => dukaan.orders.place(store.slug, 'x'), ['body']],
      ['updateProduct MRP below stored price', () => dukaan.catalog.updateProduct(store.id, product.id, { compareAtPrice: 900 }), ['compareAtPrice']],
      ['listProducts bad query', () => dukaan.catalog.listProducts(store.id, { limit: 500, cursor: 'garbage', active: 'maybe' }), ['limit', 'active']],
      ['listProducts forged cursor', () => dukaan.catalog.listProducts(store.id, { cursor: 'Zm9v' }), ['cursor']],
      ['adjustStock zero', () => dukaan.catalog.adjustStock(store.id, product.id, { delta: 0 }), ['delta']],
      ['placeOrder empty', () => dukaan.orders.place(store.slug, {}), ['customer', 'items', 'paymentMethod']],
      ['placeOrder empty customer and no items', () => dukaan.orders.place(store.slug, { customer: {}, items: [], paymentMethod: 'cod' }), ['customer.name', 'customer.phone', 'customer.address', 'customer.pincode', 'items']],
      ['placeOrder bad customer', () => dukaan.orders.place(store.slug, { ...orderFor(line), customer: { ...customer, name: long(101), phone: 'call me', email: 'nope', pincode: 'abcdef' } }), ['customer.name', 'customer.phone', 'customer.email', 'customer.pincode']],
      ['placeOrder bad quantities', () => dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 0 }, { productId: product.id, quantity: -2 }, { productId: product.id, quantity: '1' as unknown as number }])), ['items.0.quantity', 'items.1.quantity', 'items.2.quantity']],
      ['placeOrder unknown product', () => dukaan.orders.place(store.slug, orderFor([{ productId: '0190b3c4-0000-7000-8000-000000000000', quantity: 1 }])), ['items.0.productId']],
      ['placeOrder malformed product id', () => dukaan.orders.place(store.slug, orderFor([{ productId: 'abc', quantity: 1 }])), ['items.0.productId']],
      ['placeOrder another store\'s product', () => dukaan.orders.place(store.slug, orderFor([{ productId: foreign.id, quantity: 1 }])), ['items.0.productId']],
      ['placeOrder other payment', () => dukaan.orders.place(store.slug, { ...orderFor(line), paymentMethod: 'bitcoin' }), ['paymentMethod']],
      ['placeOrder note too long', () => dukaan.orders.place(store.slug, { ...orderFor(line), note: long(501) }), ['note']],
      ['listOrders bad status', () => dukaan.orders.list(store.id, { status: 'lost', limit: 0 }), ['status', 'limit']],
      ['changeStatus unknown status', () => dukaan.orders.changeStatus(store.id, product.id, { status: 'teleported' }), ['status']],
      ['signUp common passwords', () => dukaan.vendors.signUp({ email: 'c@example.com', password: 'password123', storeName: 'C' }), ['password']],
      ['signUp common password, other case', () => dukaan.vendors.signUp({ email: 'c@example.com', password: 'PassWord1234', storeName: 'C' }), ['password']],
      ['signUp all-whitespace password', () => dukaan.vendors.signUp({ email: 'c@example.com', password: '        ', storeName: 'C' }), ['password']],
      ['NUL bytes in signup', () => dukaan.vendors.signUp({ email: 'n\0@example.com', password: 'long\0enough', storeName: 'N\0', slug: 'n\0ul', phone: '98765\x0043210' }), ['email', 'password', 'storeName', 'slug', 'phone']],
      ['NUL bytes in login', () => dukaan.vendors.logIn({ email: 'a@example.com\0', password: 'x\0' }), ['email', 'password']],
      ['NUL bytes in an order', () => dukaan.orders.place(store.slug, { ...orderFor(line), customer: { ...customer, name: 'A\0', address: '12 MG\0 Road', pincode: '56000\0' }, note: '\0' }), ['customer.name', 'customer.address', 'customer.pincode', 'note']],
      ['NUL bytes in store settings', () => dukaan.stores.update(store.id, { description: 'a\0b', pickupAddress: '\0', currency: 'IN\0' }), ['description', 'pickupAddress', 'currency']],
      ['NUL bytes in products and search', () => dukaan.catalog.createProduct(store.id, { name: 'Tea\0', description: '\0', price: 1, sku: 'A\0' }), ['name', 'description', 'sku']],
      ['NUL byte in a search', () => dukaan.catalog.listProducts(store.id, { q: 'te\0a' }), ['q']],
      ['NUL byte in a category', () => dukaan.catalog.createCategory(store.id, { name: 'Te\0a' }), ['name']],
      ['NUL byte in a token name', () => dukaan.auth.createApiToken({ vendorId: store.vendorId, storeId: store.id }, { name: 'C\0I' }), ['name']],
      ['money past 2^53-1', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: 2 ** 53 }), ['price']],
      ['store money past 2^53-1', () => dukaan.stores.update(store.id, { deliveryFee: 2 ** 53, minOrderValue: Number.MAX_VALUE }), ['deliveryFee', 'minOrderValue']],
      ['expectedTotal past 2^53-1 or fractional', () => dukaan.orders.place(store.slug, { ...orderFor(line), expectedTotal: 10.5 }), ['expectedTotal']],
      ['stock past the int4 column', () => dukaan.catalog.createProduct(store.id, { name: 'X', price: 1, stock: 2 ** 31 }), ['stock']],
      ['stock delta past the int4 column', () => dukaan.catalog.adjustStock(store.id, product.id, { delta: 2 ** 31 }), ['delta']],
      ['stock delta taking the stock past the column', () => dukaan.catalog.adjustStock(store.id, product.id, { delta: 2 ** 31 - 3 }), ['delta']],
      ['idempotency key of 256 characters', () => dukaan.orders.place(store.slug, orderFor(line), { idempotencyKey: 'k'.repeat(256) }), ['idempotencyKey']],
      ['logoUrl javascript:', () => dukaan.stores.update(store.id, { logoUrl: 'javascript:alert(document.cookie)' }), ['logoUrl']],
      ['a slug with a double hyphen', () => dukaan.stores.update(store.id, { slug: 'a--b' }), ['slug']],
      ['createApiToken empty', () => dukaan.auth.createApiToken({ vendorId: store.vendorId, storeId: store.id }, { name: '' }), ['name']],
    ];

    for (const [name, call, paths] of cases) {
      t.test(name, async (t) => {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        t.ok(error instanceof ValidationFailedError, 'VALIDATION_FAILED');
        if (!(error instanceof ValidationFailedError)) return;
        t.same(error.details.map((d) => d.path).sort(), [...paths].sort(), 'one detail per bad field, all at once');
        t.ok(error.details.every((d) => d.message.length > 0 && !/\\"/.test(d.message)), 'messages a person can read');
      });
    }

    t.test('messages name the field with a human label; the path names it for programs', async (t) => {
      const error = await dukaan.orders
        .place(store.slug, { ...orderFor(line), customer: { ...customer, phone: 'call me', pincode: '12', address: '' } })
        .catch((e: unknown) => e);
      t.match(error, {
        details: [
          { path: 'customer.phone', message: /^Phone number must be a 10-digit mobile number/ },
          { path: 'customer.address', message: /^Address is not allowed to be empty/ },
          { path: 'customer.pincode', message: 'PIN code must be 6 digits and cannot start with 0' },
        ],
      });
      const signup = await dukaan.vendors.signUp({ email: 'x', password: 'password', storeName: '', slug: 'a--b' }).catch((e: unknown) => e);
      t.match(signup, {
        details: [
          { path: 'email', message: /^Email must be a valid email/ },
          { path: 'password', message: /^Password is one of the most commonly used passwords/ },
          { path: 'storeName', message: /^Store name is not allowed to be empty/ },
          { path: 'slug', message: /^Store link may use only a-z, 0-9 and single hyphens/ },
        ],
      });
      const nul = await dukaan.catalog.createProduct(store.id, { name: 'Te\0a', price: 1 }).catch((e: unknown) => e);
      t.match(nul, { details: [{ path: 'name', message: 'Name must not contain NUL bytes' }] });
    });

    t.test('nothing was written by the refused calls', async (t) => {
      t.equal((await dukaan.orders.list(store.id, {})).items.length, 0);
      t.equal((await dukaan.catalog.getProduct(store.id, product.id)).stock, 5);
      t.equal((await dukaan.catalog.listCategories(store.id)).length, 0);
    });
  });
}
