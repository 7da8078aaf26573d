import type { FunctionComponent } from 'preact';
import { CartIsland, type CartIslandProps } from './cart.js';
import { Checkout, type CheckoutIslandProps } from './checkout.js';
import { ConfirmStop, type ConfirmStopProps } from './confirm-stop.js';
import { CopyLink, type CopyLinkProps } from './copy-link.js';
import { GalleryNav, type GalleryNavProps } from './gallery-nav.js';
import { Share, type ShareProps } from './share.js';
import { ConfirmDelete, type ConfirmDeleteProps } from './confirm-delete.js';
import { PhotoPicker, type PhotoPickerProps } from './photo-picker.js';
import { LiveOrders, type LiveOrdersProps } from './live-orders.js';
import { LoadMore, type LoadMoreProps } from './load-more.js';
import { ProductImport, type ProductImportProps } from './product-import.js';
import { VariantPicker, type VariantPickerProps } from './variant-picker.js';

/** Props of each island, by the name used in `data-island`. */
export interface IslandProps {
  cart: CartIslandProps;
  checkout: CheckoutIslandProps;
  'confirm-stop': ConfirmStopProps;
  'copy-link': CopyLinkProps;
  'gallery-nav': GalleryNavProps;
  share: ShareProps;
  'confirm-delete': ConfirmDeleteProps;
  'photo-picker': PhotoPickerProps;
  'live-orders': LiveOrdersProps;
  'load-more': LoadMoreProps;
  'product-import': ProductImportProps;
  'variant-picker': VariantPickerProps;
}

/** An island's name. */
export type IslandName = keyof IslandProps;

/** The hydratable components, by name; the server renders them and the client bundle hydrates them. */
export const islands: { [N in IslandName]: FunctionComponent<IslandProps[N]> } = {
  cart: CartIsland,
  checkout: Checkout,
  'confirm-stop': ConfirmStop,
  'copy-link': CopyLink,
  'gallery-nav': GalleryNav,
  share: Share,
  'confirm-delete': ConfirmDelete,
  'photo-picker': PhotoPicker,
  'live-orders': LiveOrders,
  'load-more': LoadMore,
  'product-import': ProductImport,
  'variant-picker': VariantPicker,
};
