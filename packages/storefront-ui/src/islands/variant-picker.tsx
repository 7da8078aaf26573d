import { useEffect, useRef, useState } from 'preact/hooks';
import { BuyButtons, buyKeys } from '../components/buy-buttons.js';
import { Price, priceKeys } from '../components/price.js';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { cardsAddedEvent } from './cart-sync.js';
import { showPicture } from './gallery-scroll.js';
import { initialChoice, pick, valueState, type Choice, type Picks, type ValueState } from './variant-choice.js';

/** The texts of the picker: its own, the price's and the buying controls'. */
export const variantPickerKeys = [
  ...priceKeys,
  ...buyKeys,
  'store.soldOut',
  'product.onlyLeft',
  'product.notAvailable',
  'product.valueSoldOut',
  'product.valueUnavailable',
  'product.showChoice',
] as const;

type PickerT = ReturnType<typeof islandT<(typeof variantPickerKeys)[number]>>;

/** Props of the 'variant-picker' island on the product page of a product with options. */
export interface VariantPickerProps {
  ctx: Pick<PageContext, 'basePath' | 'csrfToken'>;
  store: Pick<StoreView, 'slug' | 'currency' | 'isOpen'>;
  product: Pick<StoreProductView, 'id' | 'name' | 'slug' | 'options' | 'variants' | 'images' | 'price' | 'compareAtPrice'>;
  /** The picks the page was rendered with (from `?v=` or `?o1=`…). */
  picks: Picks;
  /** The product page's path with the mount prefix: the no-JavaScript form's action, and the base of `?v=` links. */
  action: string;
  /** How many of each variant the cookie cart holds, by variant id (the cart island keeps the browser's in step). */
  inCart?: Record<string, number>;
  m: IslandMessages<(typeof variantPickerKeys)[number]>;
}

function stateNote(state: ValueState, t: PickerT): string {
  return state === 'soldout' ? t('product.valueSoldOut') : state === 'unavailable' ? t('product.valueUnavailable') : '';
}

/** Stock as a line of text for the chosen variant (or why there is nothing to buy). */
function StockNote({ choice, t }: { choice: Choice; t: PickerT }) {
  const v = choice.variant;
  if (!v)
    return (
      <p class="sold-out" data-variant-stock="">
        {t('product.notAvailable')}
      </p>
    );
  if (!v.inStock)
    return (
      <p class="sold-out" data-variant-stock="">
        {t('store.soldOut')}
      </p>
    );
  if (v.stock !== null && v.stock <= 5)
    return (
      <p class="stock-low" data-variant-stock="">
        {t('product.onlyLeft', { count: v.stock })}
      </p>
    );
  return null;
}

/**
 * The options as radio buttons in a GET form (without JavaScript, "Show" re-renders the page for
 * the picks), the chosen variant's price, MRP and stock, and its "Add to cart" form. With
 * JavaScript a click updates all of these and the gallery's main picture at once.
 */
export function VariantPicker({ ctx, store, product, picks: initialPicks, action, inCart = {}, m }: VariantPickerProps) {
  const t = islandT(m);
  const [choice, setChoice] = useState<Choice>(() => initialChoice(product, { picks: initialPicks }));
  const v = choice.variant;
  // A newly shown variant's controls were rendered with the cookie cart's count: the cart island
  // sets the browser cart's (not on the first render, which is the server's and already right).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else document.dispatchEvent(new Event(cardsAddedEvent));
  }, [v?.id]);

  const onPick = (index: number, value: string) => {
    const next = pick(product, choice.picks, index, value);
    setChoice(next);
    if (next.variant) {
      history.replaceState(history.state, '', `${action}?v=${encodeURIComponent(next.variant.id)}`);
      showPicture(next.variant.image ?? 0);
    }
  };

  return (
    <div class="variant-picker">
      {v ? (
        <Price price={v.price} compareAtPrice={v.compareAtPrice} currency={store.currency} short t={t} />
      ) : (
        <Price price={product.price} compareAtPrice={null} currency={store.currency} from short t={t} />
      )}
      <form method="get" action={action} class="variant-form">
        {product.options.map((option, i) => (
          <fieldset class="option">
            <legend>
              {option.name}
              {choice.picks[i] ? <span class="option-chosen">: {choice.picks[i]}</span> : null}
            </legend>
            <div class="option-values">
              {option.values.map((value) => {
                const state = valueState(product, choice.picks, i, value);
                return (
                  <label class={`option-value is-${state}`}>
                    <input type="radio" name={`o${i + 1}`} value={value} checked={choice.picks[i] === value} onChange={() => onPick(i, value)} />
                    <span>
                      {value}
                      {state !== 'available' && <span class="sr-only"> {stateNote(state, t)}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ))}
        <button type="submit" class="btn btn-secondary no-js-only">
          {t('product.showChoice')}
        </button>
      </form>
      <div aria-live="polite">
        <StockNote choice={choice} t={t} />
      </div>
      {v && v.inStock && store.isOpen && <BuyButtons key={v.id} ctx={ctx} store={store} product={product} variant={v} inCart={inCart[v.id] ?? 0} t={t} />}
    </div>
  );
}
