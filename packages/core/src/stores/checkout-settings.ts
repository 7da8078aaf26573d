import type { StoreSettings } from '../vendors/vendor.js';
import { everywhere } from './service-area.js';

/** The checkout settings of a new store: no GST, no extra charges, delivery everywhere. */
export const defaultCheckoutSettings: Pick<
  StoreSettings,
  'gstin' | 'state' | 'pricesIncludeTax' | 'defaultTaxRate' | 'packagingFee' | 'codFee' | 'deliveryMethods' | 'serviceArea'
> = {
  gstin: null,
  state: null,
  pricesIncludeTax: true,
  defaultTaxRate: 0,
  packagingFee: null,
  codFee: null,
  deliveryMethods: ['delivery'],
  serviceArea: everywhere,
};
