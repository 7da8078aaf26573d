// Which variant a set of option picks means, and what each option value would lead to. Shared by
// the server-rendered product page (picks from the query string) and the picker island (clicks).
import type { StoreProductView } from '../types.js';

type Variant = StoreProductView['variants'][number];
type Choosable = Pick<StoreProductView, 'options' | 'variants'>;

/** One value per option, by option position; null where nothing is picked. */
export type Picks = Array<string | null>;

/** What a customer arrived with: `?v=<variantId>`, or `?o1=…&o2=…` (one per option, in order). */
export interface ChoiceQuery {
  variantId?: string | null | undefined;
  picks?: ReadonlyArray<string | null | undefined> | undefined;
}

/** Picks and the variant they name; `variant` null: that combination is not sold. */
export interface Choice {
  picks: Picks;
  variant: Variant | null;
}

/** What choosing `value` for an option (others kept) leads to. */
export type ValueState = 'available' | 'soldout' | 'unavailable';

/** "Weight: 500 g, Colour: Red"; '' for a product without options. */
export function optionsLabel(options: Readonly<Record<string, string>>): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}

/** True when the customer has to choose before buying (the product has options). */
export function needsChoice(product: Choosable): boolean {
  return product.options.length > 0;
}

function picksOf(product: Choosable, variant: Variant): Picks {
  return product.options.map((o) => variant.options[o.name] ?? null);
}

function matches(product: Choosable, variant: Variant, picks: Picks): boolean {
  return product.options.every((o, i) => picks[i] === null || picks[i] === undefined || variant.options[o.name] === picks[i]);
}

/** The variant with exactly these picks (every option picked), or null. */
export function variantFor(product: Choosable, picks: Picks): Variant | null {
  if (!needsChoice(product)) return product.variants[0] ?? null;
  if (product.options.some((_, i) => picks[i] === null || picks[i] === undefined)) return null;
  return product.variants.find((v) => matches(product, v, picks)) ?? null;
}

/** The first variant agreeing with the picks made, preferring one in stock. */
function bestMatch(product: Choosable, picks: Picks): Variant | null {
  const agreeing = product.variants.filter((v) => matches(product, v, picks));
  return agreeing.find((v) => v.inStock) ?? agreeing[0] ?? null;
}

/**
 * The choice a product page opens with: the variant asked for by id, else the picks asked for
 * (values the product does not have are ignored, missing ones filled from the best variant
 * agreeing with the rest), else the first variant in stock.
 */
export function initialChoice(product: Choosable, query: ChoiceQuery = {}): Choice {
  const byId = query.variantId ? product.variants.find((v) => v.id === query.variantId) : undefined;
  if (byId) return { picks: picksOf(product, byId), variant: byId };
  const asked: Picks = product.options.map((o, i) => {
    const value = query.picks?.[i];
    return typeof value === 'string' && o.values.includes(value) ? value : null;
  });
  const best = bestMatch(product, asked);
  if (!best) return { picks: asked.map((value, i) => value ?? product.options[i]?.values[0] ?? null), variant: null };
  const picks = asked.map((value, i) => value ?? best.options[product.options[i]!.name] ?? null);
  return { picks, variant: variantFor(product, picks) };
}

/** What picking `value` for option `index`, keeping the other picks, would give. */
export function valueState(product: Choosable, picks: Picks, index: number, value: string): ValueState {
  const next = picks.map((p, i) => (i === index ? value : p));
  const variant = variantFor(product, next);
  if (!variant) return 'unavailable';
  return variant.inStock ? 'available' : 'soldout';
}

/** The picks after choosing `value` for option `index`. */
export function pick(product: Choosable, picks: Picks, index: number, value: string): Choice {
  const next = picks.map((p, i) => (i === index ? value : p));
  return { picks: next, variant: variantFor(product, next) };
}
