import type { FunctionComponent } from 'preact';
import { CartIsland, type CartIslandProps } from './cart.js';
import { CopyLink, type CopyLinkProps } from './copy-link.js';
import { LiveOrders, type LiveOrdersProps } from './live-orders.js';

/** Props of each island, by the name used in `data-island`. */
export interface IslandProps {
  cart: CartIslandProps;
  'copy-link': CopyLinkProps;
  'live-orders': LiveOrdersProps;
}

/** An island's name. */
export type IslandName = keyof IslandProps;

/** The hydratable components, by name; the server renders them and the client bundle hydrates them. */
export const islands: { [N in IslandName]: FunctionComponent<IslandProps[N]> } = {
  cart: CartIsland,
  'copy-link': CopyLink,
  'live-orders': LiveOrders,
};
