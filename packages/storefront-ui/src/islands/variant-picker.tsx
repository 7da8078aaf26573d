import { useState } from 'preact/hooks';
import { AddToCartForm } from '../components/product-card.js';
import { Price } from '../components/price.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { initialChoice, pick, valueState, type Choice, type Picks, type ValueState } from './variant-choice.js';

type Picture = StoreProductView['pictures'][number];

/** Props of the 'variant-picker' island on the product page of a product with options. */
export interface VariantPickerProps {
  ctx: Pick<PageContext, 'basePath' | 'csrfToken'>;
  store: Pick<StoreView, 'slug' | 'currency' | 'isOpen'>;
  product: Pick<StoreProductView, 'id' | 'name' | 'slug' | 'options' | 'variants' | 'images' | 'pictures' | 'price' | 'compareAtPrice'>;
  /** The picks the page was rendered with (from `?v=` or `?o1=`…). */
  picks: Picks;
  /** The product page's path with the mount prefix: the no-JavaScript form's action, and the base of `?v=` links. */
  action: string;
}

const stateNote: Record<ValueState, string> = { available: '', soldout: ' (sold out)', unavailable: ' (not available)' };

/** Replaces the gallery's main picture with `image` (plain DOM: the gallery is static HTML, not part of this island). */
function showPicture(image: Picture | undefined, alt: string): void {
  const slot = document.querySelector<HTMLElement>('[data-variant-picture]');
  if (!slot || !image || slot.dataset.url === image.url) return;
  const img = document.createElement('img');
  img.src = image.url;
  img.alt = alt;
  img.width = image.width ?? 800;
  img.height = image.height ?? 800;
  img.decoding = 'async';
  let node: HTMLElement = img;
  if (image.srcsetJpeg) {
    img.srcset = image.srcsetJpeg;
    img.sizes = '(min-width: 768px) 50vw, 100vw';
  }
  if (image.srcsetWebp) {
    node = document.createElement('picture');
    const source = document.createElement('source');
    source.type = 'image/webp';
    source.srcset = image.srcsetWebp;
    source.sizes = '(min-width: 768px) 50vw, 100vw';
    node.append(source, img);
  }
  slot.replaceChildren(node);
  slot.dataset.url = image.url;
}

/** Stock as a line of text for the chosen variant (or why there is nothing to buy). */
function StockNote({ choice }: { choice: Choice }) {
  const v = choice.variant;
  if (!v)
    return (
      <p class="sold-out" data-variant-stock="">
        This combination is not available.
      </p>
    );
  if (!v.inStock)
    return (
      <p class="sold-out" data-variant-stock="">
        Sold out
      </p>
    );
  if (v.stock !== null && v.stock <= 5)
    return (
      <p class="stock-low" data-variant-stock="">
        Only {v.stock} left
      </p>
    );
  return null;
}

/**
 * The options as radio buttons in a GET form (without JavaScript, "Show" re-renders the page for
 * the picks), the chosen variant's price, MRP and stock, and its "Add to cart" form. With
 * JavaScript a click updates all of these and the gallery's main picture at once.
 */
export function VariantPicker({ ctx, store, product, picks: initialPicks, action }: VariantPickerProps) {
  const [choice, setChoice] = useState<Choice>(() => initialChoice(product, { picks: initialPicks }));
  const v = choice.variant;

  const onPick = (index: number, value: string) => {
    const next = pick(product, choice.picks, index, value);
    setChoice(next);
    if (next.variant) {
      history.replaceState(history.state, '', `${action}?v=${encodeURIComponent(next.variant.id)}`);
      const index = next.variant.image ?? 0;
      showPicture(product.pictures[index], index === 0 ? product.name : `${product.name}, ${Object.values(next.variant.options).join(', ')}`);
    }
  };

  return (
    <div class="variant-picker">
      {v ? (
        <Price price={v.price} compareAtPrice={v.compareAtPrice} currency={store.currency} />
      ) : (
        <Price price={product.price} compareAtPrice={null} currency={store.currency} from />
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
                      {state !== 'available' && <span class="sr-only">{stateNote[state]}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ))}
        <button type="submit" class="btn btn-secondary no-js-only">
          Show this choice
        </button>
      </form>
      <div aria-live="polite">
        <StockNote choice={choice} />
      </div>
      {v && v.inStock && store.isOpen && <AddToCartForm ctx={ctx} store={store} product={product} variant={v} withQuantity />}
    </div>
  );
}
