// The product form's rows per combination, made without JavaScript: what is kept, what is new.
import t from 'tap';
import type { ProductFormValues, VariantFormValues } from '@dukaan-kit/storefront-ui';
import { combinationCount, combinations, compactOptions, makeRows, rowsMatchOptions, simpleFromRows, splitValues, typedOptions } from '../src/pages/variant-rows.js';

const row = (options: string[], extra: Partial<VariantFormValues> = {}): VariantFormValues => ({
  id: '',
  options,
  price: '100',
  compareAtPrice: '',
  stock: '',
  sku: '',
  active: true,
  image: '',
  ...extra,
});

const form = (extra: Partial<ProductFormValues>): ProductFormValues => ({
  name: 'Kurta',
  description: '',
  price: '499',
  compareAtPrice: '599',
  stock: '10',
  sku: 'KUR',
  categoryId: '',
  active: true,
  options: [],
  variants: [],
  taxRate: '',
  hsnCode: '',
  ...extra,
});

t.test('values split on commas, trimmed, empty and repeated ones dropped', async (t) => {
  t.same(splitValues(' 250 g, 500 g,, 1 kg ,500 G'), ['250 g', '500 g', '1 kg']);
  t.same(splitValues(''), []);
  t.same(compactOptions([{ name: 'Size', values: 'S' }, { name: '', values: ' ' }, { name: 'Colour', values: 'Red' }]).map((o) => o.name), ['Size', 'Colour'], 'an empty middle row closes up');
});

t.test('combinations: first option slowest, counted before making them', async (t) => {
  const options = typedOptions([{ name: 'Size', values: 'S, M' }, { name: 'Colour', values: 'Red, Blue, Green' }]);
  t.same(combinations(options), [['S', 'Red'], ['S', 'Blue'], ['S', 'Green'], ['M', 'Red'], ['M', 'Blue'], ['M', 'Green']]);
  t.equal(combinationCount(options), 6);
  const huge = typedOptions([0, 1, 2].map((i) => ({ name: `O${i}`, values: Array.from({ length: 30 }, (_, n) => `v${n}`).join(',') })));
  t.equal(combinationCount(huge), 27000, 'counted without building 27,000 rows');
});

t.test('a simple product becomes rows carrying its price and MRP, stock 0 when counted, no SKU', async (t) => {
  const options = typedOptions([{ name: 'Size', values: 'S, M' }]);
  const rows = makeRows(form({ options: [{ name: 'Size', values: 'S, M' }] }), options);
  t.same(rows, [row(['S'], { price: '499', compareAtPrice: '599', stock: '0' }), row(['M'], { price: '499', compareAtPrice: '599', stock: '0' })]);
  const untracked = makeRows(form({ stock: '' }), options);
  t.same(untracked.map((r) => r.stock), ['', ''], 'not counted stays not counted');
});

t.test('adding a value keeps the typed rows; renaming one keeps its row in place', async (t) => {
  const typed = [row(['S'], { id: 'a', price: '400', sku: 'K-S' }), row(['M'], { id: 'b', price: '450', sku: 'K-M', active: false })];
  const more = makeRows(form({ variants: typed }), typedOptions([{ name: 'Size', values: 'S, M, L' }]));
  t.same(more.map((r) => [r.options[0], r.id, r.price, r.sku, r.active]), [
    ['S', 'a', '400', 'K-S', true],
    ['M', 'b', '450', 'K-M', false],
    ['L', '', '400', '', true],
  ]);
  const renamed = makeRows(form({ variants: typed }), typedOptions([{ name: 'Size', values: 'Small, M' }]));
  t.same(renamed.map((r) => [r.options[0], r.id, r.price]), [
    ['Small', 'a', '400'],
    ['M', 'b', '450'],
  ]);
  t.ok(rowsMatchOptions(renamed, typedOptions([{ name: 'Size', values: 'Small, M' }])));
  t.notOk(rowsMatchOptions(typed, typedOptions([{ name: 'Size', values: 'Small, M' }])), 'rows of the old values do not match');
  t.notOk(rowsMatchOptions([...typed, typed[0]!], typedOptions([{ name: 'Size', values: 'S, M' }])), 'a repeated row does not match');
});

t.test('removing every option goes back to one price, from the first row when none was typed', async (t) => {
  const back = simpleFromRows(form({ price: '', compareAtPrice: '', stock: '', sku: '', variants: [row(['S'], { price: '300', stock: '4', sku: 'K-S' })] }));
  t.match(back, { price: '300', stock: '4', sku: 'K-S', variants: [] });
});
