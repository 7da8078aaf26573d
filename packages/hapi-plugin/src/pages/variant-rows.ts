import type { OptionFormValues, ProductFormValues, VariantFormValues } from '@dukaan-kit/storefront-ui';

/** Core's limits (catalog/schemas.ts): options a product has, and variants. */
export const maxOptionRows = 3;
export const maxVariantRows = 100;

/** An option as the form means it: a trimmed name and its distinct, non-empty values. */
export interface TypedOption {
  name: string;
  values: string[];
}

/** "250 g, 500 g,, 1 kg" → ['250 g', '500 g', '1 kg']: trimmed, empty ones dropped, repeats (any case) once. */
export function splitValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const value = raw.trim();
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

/**
 * The option rows that say anything, in order: a row left wholly empty is dropped, so the third
 * row filled with the second empty becomes the second option (and its errors line up with it).
 */
export function compactOptions(rows: OptionFormValues[]): OptionFormValues[] {
  return rows.slice(0, maxOptionRows).filter((row) => row.name.trim() !== '' || row.values.trim() !== '');
}

/** The options as the core takes them (names trimmed, values split). */
export function typedOptions(rows: OptionFormValues[]): TypedOption[] {
  return compactOptions(rows).map((row) => ({ name: row.name.trim(), values: splitValues(row.values) }));
}

/** How many combinations the options make (1 for none). */
export function combinationCount(options: TypedOption[]): number {
  return options.reduce((n, o) => n * Math.max(o.values.length, 1), 1);
}

/** Every combination of the options' values, the first option varying slowest (Shopify's order). */
export function combinations(options: TypedOption[]): string[][] {
  let out: string[][] = [[]];
  for (const option of options) out = out.flatMap((combo) => option.values.map((value) => [...combo, value]));
  return out;
}

const keyOf = (values: string[]) => JSON.stringify(values);

/** The combinations the rows cover, as a set of keys. */
function rowKeys(rows: VariantFormValues[]): Set<string> {
  return new Set(rows.map((row) => keyOf(row.options)));
}

/** True when the rows are exactly the options' combinations (each once): safe to save as they are. */
export function rowsMatchOptions(rows: VariantFormValues[], options: TypedOption[]): boolean {
  const wanted = combinations(options);
  const have = rowKeys(rows);
  return have.size === rows.length && wanted.length === rows.length && wanted.every((combo) => have.has(keyOf(combo)));
}

/**
 * One row per combination of the options, keeping what was typed: a combination that already
 * has a row keeps it; a renamed value (same place, same number of options) keeps the row that
 * stood there; a new one starts from the first row's (or the single product's) price and MRP,
 * with no SKU (SKUs are unique) and stock 0 when stock is counted, so nothing is oversold.
 */
export function makeRows(values: ProductFormValues, options: TypedOption[]): VariantFormValues[] {
  const wanted = combinations(options);
  const previous = values.variants;
  const byKey = new Map(previous.map((row) => [keyOf(row.options), row]));
  const claimed = new Set<VariantFormValues>();
  for (const combo of wanted) {
    const row = byKey.get(keyOf(combo));
    if (row) claimed.add(row);
  }
  const template = previous[0] ?? { price: values.price, compareAtPrice: values.compareAtPrice, stock: values.stock };
  const sameShape = previous.length === wanted.length && previous.every((row) => row.options.length === options.length);
  return wanted.map((combo, i) => {
    const exact = byKey.get(keyOf(combo));
    if (exact) return { ...exact, options: combo };
    const atPlace = sameShape ? previous[i] : undefined;
    if (atPlace && !claimed.has(atPlace)) {
      claimed.add(atPlace);
      return { ...atPlace, options: combo };
    }
    return {
      id: '',
      options: combo,
      price: template.price,
      compareAtPrice: template.compareAtPrice,
      stock: template.stock.trim() === '' ? '' : '0',
      sku: '',
      active: true,
      image: '',
    };
  });
}

/** Back to a product sold one way: the single fields take the first row's values when they are empty. */
export function simpleFromRows(values: ProductFormValues): ProductFormValues {
  const first = values.variants[0];
  if (!first) return values;
  return {
    ...values,
    price: values.price || first.price,
    compareAtPrice: values.compareAtPrice || first.compareAtPrice,
    stock: values.stock || first.stock,
    sku: values.sku || first.sku,
    variants: [],
  };
}
