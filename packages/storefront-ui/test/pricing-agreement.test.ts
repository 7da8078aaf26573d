// Property test (issue 9): over random carts from a seeded generator, the cart bar's summary,
// the checkout island's totals (what the page shows and the expectedTotal it posts) and the
// pricing module's priceCart agree, in every currency's own exponent.
import { formatMoney, moneyInputValue, parseMoney, priceCart, type DeliveryRules } from '@dukaan-kit/core/pricing';
import t from 'tap';
import { summariseLines } from '../src/cart-pricing.js';
import * as index from '../src/index.js';
import { renderPage } from '../src/index.js';
import { shownTotals } from '../src/islands/checkout-cart.js';
import type { StoredLine } from '../src/islands/cart-storage.js';
import { ctx, store } from './fixtures/pages.js';
import { seededRandom } from '@dukaan-kit/core/testing';


interface RandomCart {
  lines: StoredLine[];
  rules: DeliveryRules;
  currency: string;
}

function randomCart(next: () => number): RandomCart {
  const int = (max: number) => Math.floor(next() * (max + 1));
  // Prices up to ₹2.5 crore a unit and 99 units a line: totals far past 2^31, still exact.
  const price = () => (next() < 0.2 ? int(100) : int(2_500_000_000));
  const lines = Array.from({ length: int(8) }, (_, i) => ({ productId: `prod-${i}`, variantId: `prod-${i}`, options: {}, name: `Item ${i}`, price: price(), quantity: 1 + int(98), image: null, maxQuantity: null }));
  const rules = { deliveryFee: int(20_000), freeDeliveryAbove: next() < 0.3 ? null : int(5_000_000), minOrderValue: next() < 0.5 ? 0 : int(100_000) };
  return { lines, rules, currency: ['INR', 'JPY', 'KWD', 'USD'][int(3)]! };
}

const cell = (html: string, attr: string) => new RegExp(`<dd ${attr}="true">([^<]*)</dd>`).exec(html)?.[1];
/** The page as the customer reads it: the islands' props (their texts as JSON) left out. */
const visible = (html: string) => html.replace(/<script type="application\/json"[^>]*>.*?<\/script>/gs, '');

t.test('cart bar, checkout island and priceCart agree over random carts', async (t) => {
  const seed = 20251125;
  const next = seededRandom(seed);
  for (let i = 0; i < 300; i++) {
    const { lines, rules, currency } = randomCart(next);
    const want = priceCart(lines.map((l) => ({ unitPrice: l.price, quantity: l.quantity })), rules);
    const label = `seed ${seed}, cart ${i}`;

    t.same(summariseLines(lines), { count: want.count, subtotal: want.subtotal }, `${label}: cart bar`);
    t.same(shownTotals(lines, rules, null), want, `${label}: island totals`);

    const html = visible(renderPage({ page: 'checkout', props: { ctx: ctx(), store: { ...store, ...rules, currency }, lines, idempotencyKey: 'k' } }));
    if (lines.length === 0) {
      // An empty cart shows what to do next, no totals and no button (issue 14).
      t.match(html, 'Your cart is empty', `${label}: empty cart said`);
      t.notMatch(html, 'Place order', `${label}: no Place order on an empty cart`);
      continue;
    }
    const money = (n: number) => formatMoney(n, currency);
    t.equal(cell(html, 'data-subtotal'), money(want.subtotal), `${label}: subtotal shown`);
    t.equal(cell(html, 'data-delivery'), want.count > 0 && want.deliveryFee === 0 ? 'Free' : money(want.deliveryFee), `${label}: delivery shown`);
    t.equal(cell(html, 'data-total'), money(want.total), `${label}: total shown`);
    t.match(html, `Place order · ${money(want.total)}`, `${label}: the button names the total`);
    t.match(html, `<input type="hidden" name="expectedTotal" value="${want.total}"/>`, `${label}: expectedTotal is the total shown`);
    const items = [...html.matchAll(/<input type="hidden" name="item" value="([^"]*)"\/>/g)].map((m) => m[1]);
    t.same(items, lines.map((l) => `${l.productId}:${l.variantId}:${l.quantity}`), `${label}: one item per line shown`);
    const hint = /Add ([^<]*?) more for free delivery/.exec(html)?.[1];
    if (want.shortOfFreeDelivery > 0) t.equal(hint, money(want.shortOfFreeDelivery), `${label}: the free-delivery hint is priceCart's`);
    else t.equal(hint, undefined, `${label}: no free-delivery hint when free or never free`);
  }
});

t.test("after PRICE_CHANGED the island's free-delivery distance follows the server's quote", async (t) => {
  const rules: DeliveryRules = { deliveryFee: 4000, freeDeliveryAbove: 50000, minOrderValue: 0 };
  const lines: StoredLine[] = [{ productId: 'p', variantId: 'p', options: {}, name: 'P', price: 10000, quantity: 1, image: null, maxQuantity: null }];
  const quoted = shownTotals(lines, rules, { items: [], subtotal: 30000, deliveryFee: 4000, total: 34000, currency: 'INR' } as never);
  t.equal(quoted.shortOfFreeDelivery, 20000);
  const free = shownTotals(lines, rules, { items: [], subtotal: 60000, deliveryFee: 0, total: 60000, currency: 'INR' } as never);
  t.equal(free.shortOfFreeDelivery, 0);
});

t.test("the plugin's no-JavaScript cart bar uses the same summariseLines (exported, not copied)", async (t) => {
  t.equal(index.summariseLines, summariseLines);
  t.equal(index.parseMoney, parseMoney, 'parseMoney is the pricing module\'s');
  t.equal(index.moneyInputValue, moneyInputValue);
  t.equal(index.formatMoney, formatMoney);
});
