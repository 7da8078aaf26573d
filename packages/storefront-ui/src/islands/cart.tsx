import { CartBar, type CartBarProps } from './cart-bar.js';
import { Checkout, type CheckoutIslandProps } from './checkout.js';

/** Props of the 'cart' island: the bar on store and product pages, the full cart on checkout. */
export type CartIslandProps = CartBarProps | CheckoutIslandProps;

/** The 'cart' island. */
export function CartIsland(props: CartIslandProps) {
  return props.mode === 'bar' ? <CartBar {...props} /> : <Checkout {...props} />;
}
