import { CartBar, type CartBarProps } from './cart-bar.js';

/**
 * Props of the 'cart' island: the bar on store and product pages. The full cart of the checkout
 * page is its own island ('checkout'), so a store page never downloads the checkout's code.
 */
export type CartIslandProps = CartBarProps;

/** The 'cart' island. */
export function CartIsland(props: CartIslandProps) {
  return <CartBar {...props} />;
}
