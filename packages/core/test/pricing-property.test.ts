// Property: whatever the cart and the store's rules, placeOrder's totals are exactly priceCart's,
// the module the pages and the browser islands price carts with.
import t from 'tap';
import { PriceChangedError, type Product } from '../src/index.js';
import { priceCart, type DeliveryRules } from '../src/pricing/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';
import { seededRandom } from '../src/testing/seeded-random.js';


const seed = Number(process.env.PRICING_SEED ?? 20261129);
const next = seededRandom(seed);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;

function randomRules(): DeliveryRules {
  return {
    deliveryFee: pick([0, 2500, 4000, int(1, 100_000)]),
    freeDeliveryAbove: pick([null, 0, 50_000, 100_000, int(1, 10_000_000)]),
    minOrderValue: pick([0, 0, 10_000, int(1, 500_000)]),
  };
}

const [sqlite] = coreVariants();

t.test(`placed totals equal priceCart over random carts (seed ${seed})`, async (t) => {
  if (!sqlite) throw new Error('no SQLite variant');
  const fixture = await sqlite.open();
  t.teardown(() => fixture.close());
  const { dukaan } = fixture;
  let checked = 0;
  for (let s = 0; s < 12; s++) {
    const rules = randomRules();
    const { store } = await openStore(dukaan, { ...rules });
    const products: Product[] = [];
    for (let i = 0; i < 12; i++) {
      const price = pick([int(1, 999), int(1000, 99_999), int(100_000, 10_000_000), 2 ** int(20, 40)]);
      products.push(await dukaan.catalog.createProduct(store.id, { name: `P${i}`, price }));
    }
    for (let c = 0; c < 25; c++) {
      const items = Array.from({ length: int(1, 8) }, () => ({ productId: pick(products).id, quantity: pick([1, 2, 3, int(1, 1000)]) }));
      const lines = items.map((item) => ({ unitPrice: products.find((p) => p.id === item.productId)?.price ?? 0, quantity: item.quantity }));
      const expected = priceCart(lines, rules);
      const attempt = await dukaan.orders.place(store.slug, orderFor(items)).catch((e: unknown) => e);
      checked += 1;
      if (expected.shortOfMinimum > 0) {
        t.match(attempt, { code: 'BELOW_MINIMUM_ORDER' }, `store ${s} cart ${c}: below the minimum`);
        continue;
      }
      if (!('order' in (attempt as object))) {
        t.fail(`store ${s} cart ${c}: ${String(attempt)}`);
        continue;
      }
      const { order } = attempt as { order: { subtotal: number; deliveryFee: number; total: number; items: Array<{ lineTotal: number; unitPrice: number; quantity: number }> } };
      t.same({ subtotal: order.subtotal, deliveryFee: order.deliveryFee, total: order.total }, { subtotal: expected.subtotal, deliveryFee: expected.deliveryFee, total: expected.total }, `store ${s} cart ${c}`);
      t.ok(order.items.every((line) => line.lineTotal === line.unitPrice * line.quantity));
      const stale = await dukaan.orders.place(store.slug, { ...orderFor(items), expectedTotal: expected.total + 1 }).catch((e: unknown) => e);
      t.equal(stale instanceof PriceChangedError && stale.quote.total, expected.total, 'a wrong expectedTotal is answered with priceCart\'s total');
    }
  }
  t.equal(checked, 300, 'a few hundred carts');
});
