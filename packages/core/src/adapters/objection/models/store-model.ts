import type { Pojo } from 'objection';
import type { Locale } from '../../../i18n/locales.js';
import { paymentMethods, type PaymentMethod } from '../../../orders/order.js';
import type { ChargeRule, DeliveryMethod } from '../../../pricing/index.js';
import type { ServiceArea } from '../../../stores/service-area.js';
import type { Store, StoreSettings } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

/** The columns a vendor may change. */
const settingKeys = ['name', 'description', 'phone', 'pickupAddress', 'logoUrl', 'currency', 'deliveryFee',
  'freeDeliveryAbove', 'minOrderValue', 'isOpen', 'autoAcceptOrders', 'upiId', 'paymentMethods', 'timeZone', 'newOrderEmails', 'gstin', 'state', 'pricesIncludeTax', 'defaultTaxRate', 'packagingFee',
  'codFee', 'deliveryMethods', 'serviceArea', 'locale'] as const satisfies readonly (keyof StoreSettings)[];
const storeKeys = ['id', 'vendorId', 'slug', ...settingKeys, 'createdAt', 'updatedAt'] as const satisfies readonly (keyof Store)[];

/** A row of `stores`; `next_order_number` is the adapter's own and never leaves it. */
export class StoreModel extends BaseModel {
  static override tableName = 'stores';
  static override booleanProperties = ['isOpen', 'autoAcceptOrders', 'newOrderEmails', 'pricesIncludeTax'];
  static override jsonAttributes = ['packagingFee', 'codFee', 'serviceArea'];
  static override basisPointProperties = ['defaultTaxRate'];
  static override bigintProperties = ['deliveryFee', 'freeDeliveryAbove', 'minOrderValue'];

  declare id: string;
  declare vendorId: string;
  declare slug: string;
  declare name: string;
  declare description: string;
  declare phone: string | null;
  declare pickupAddress: string;
  declare logoUrl: string | null;
  declare currency: string;
  declare deliveryFee: number;
  declare freeDeliveryAbove: number | null;
  declare minOrderValue: number;
  declare isOpen: boolean;
  declare autoAcceptOrders: boolean;
  declare upiId: string | null;
  /** Stored comma-separated (`cod,upi`): a short list of known words, the same text on both databases. */
  declare paymentMethods: PaymentMethod[];
  declare timeZone: string;
  declare newOrderEmails: boolean;
  declare gstin: string | null;
  declare state: string | null;
  declare pricesIncludeTax: boolean;
  /** Percent, in `default_tax_rate_bp` (see basisPointProperties). */
  declare defaultTaxRate: number;
  declare packagingFee: ChargeRule | null;
  declare codFee: ChargeRule | null;
  /** Stored comma-separated, like the payment methods. */
  declare deliveryMethods: DeliveryMethod[];
  declare serviceArea: ServiceArea;
  declare locale: Locale;
  declare nextOrderNumber: number;
  /** When the vendor closed the account; the adapter's own, like the order counter. */
  declare closedAt: string | null;
  declare createdAt: string;
  declare updatedAt: string;

  override $parseDatabaseJson(json: Pojo): Pojo {
    const parsed = super.$parseDatabaseJson(json);
    if (typeof parsed['paymentMethods'] === 'string') {
      // Unknown words (a method a later release added, then rolled back) are dropped, not passed on.
      const known: readonly string[] = paymentMethods;
      parsed['paymentMethods'] = parsed['paymentMethods'].split(',').filter((method) => known.includes(method));
    }
    if (typeof parsed['deliveryMethods'] === 'string') {
      parsed['deliveryMethods'] = parsed['deliveryMethods'].split(',').filter((method) => method === 'delivery' || method === 'pickup');
    }
    return parsed;
  }

  override $formatDatabaseJson(json: Pojo): Pojo {
    // Before objection's own formatting, which would write an array as JSON.
    const { paymentMethods: methods, deliveryMethods: delivery, ...rest } = json as Pojo & Record<string, unknown>;
    const row: Pojo = { ...rest };
    if (methods !== undefined) row['paymentMethods'] = Array.isArray(methods) ? methods.join(',') : methods;
    if (delivery !== undefined) row['deliveryMethods'] = Array.isArray(delivery) ? delivery.join(',') : delivery;
    return super.$formatDatabaseJson(row);
  }

  /** The row of a new store (order numbers start at the column's default). */
  static fromStore(store: Store): StoreModel {
    return StoreModel.fromJson(pick(store, storeKeys), { skipValidation: true });
  }

  /** The changes of a settings patch; anything but a setting (the slug, the id) is left out. */
  static settingsPatch(patch: Partial<StoreSettings>): Partial<StoreModel> {
    return pick(patch, settingKeys) as Partial<StoreModel>;
  }

  /** The domain store of this row. */
  toStore(): Store {
    return pick(this, storeKeys) as unknown as Store;
  }
}
