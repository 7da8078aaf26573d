// The product page's choice of variant: picks from the link, what each value leads to.
import t from 'tap';
import { initialChoice, needsChoice, optionsLabel, pick, valueState, variantFor } from '../src/islands/variant-choice.js';
import { sweetBox } from './fixtures/variants.js';

const product = sweetBox();
const ids = (c: { variant: { id: string } | null }) => c.variant?.id ?? null;

t.test('the first variant in stock when the link asks for nothing', async (t) => {
  // 250 g Plain is sold out: the page opens on the next one that can be bought.
  const c = initialChoice(product);
  t.equal(ids(c), 'v-250-saffron');
  t.same(c.picks, ['250 g', 'Saffron']);
});

t.test('?v= picks a variant by id; ?o1=&o2= by values; unknown values are ignored', async (t) => {
  t.same(initialChoice(product, { variantId: 'v-1kg-plain' }).picks, ['1 kg', 'Plain']);
  t.equal(ids(initialChoice(product, { picks: ['500 g', 'Plain'] })), 'v-500-plain');
  t.equal(ids(initialChoice(product, { picks: ['500 g', null] })), 'v-500-plain', 'a missing pick is filled from a variant in stock');
  t.equal(ids(initialChoice(product, { picks: ['2 kg', 'Saffron'] })), 'v-250-saffron', 'a value the product does not have is ignored');
  t.equal(ids(initialChoice(product, { variantId: 'nope', picks: ['1 kg', 'Plain'] })), 'v-1kg-plain');
});

t.test('a combination that is not sold: no variant, the picks kept', async (t) => {
  const c = initialChoice(product, { picks: ['1 kg', 'Saffron'] });
  t.equal(c.variant, null);
  t.same(c.picks, ['1 kg', 'Saffron']);
});

t.test('each value says what choosing it would give, the other picks kept', async (t) => {
  const picks = ['250 g', 'Plain'];
  t.equal(valueState(product, picks, 0, '250 g'), 'soldout');
  t.equal(valueState(product, picks, 0, '500 g'), 'available');
  t.equal(valueState(product, ['1 kg', 'Plain'], 1, 'Saffron'), 'unavailable');
  const next = pick(product, ['1 kg', 'Plain'], 1, 'Saffron');
  t.equal(next.variant, null);
  t.equal(ids(pick(product, ['500 g', 'Plain'], 1, 'Saffron')), 'v-500-saffron');
});

t.test('products without options need no choice; labels read like "Weight: 500 g"', async (t) => {
  const simple = { options: [], variants: [product.variants[0]!] };
  t.notOk(needsChoice(simple));
  t.equal(variantFor(simple, []), product.variants[0]);
  t.ok(needsChoice(product));
  t.equal(optionsLabel({ Weight: '500 g', Flavour: 'Plain' }), 'Weight: 500 g, Flavour: Plain');
  t.equal(optionsLabel({}), '');
});
