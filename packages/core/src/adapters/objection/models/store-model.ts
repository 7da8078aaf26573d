import type { Store, StoreSettings } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

/** The columns a vendor may change. */
const settingKeys = ['name', 'description', 'phone', 'pickupAddress', 'logoUrl', 'currency', 'deliveryFee',
  'freeDeliveryAbove', 'minOrderValue', 'isOpen', 'autoAcceptOrders'] as const satisfies readonly (keyof StoreSettings)[];
const storeKeys = ['id', 'vendorId', 'slug', ...settingKeys, 'createdAt', 'updatedAt'] as const satisfies readonly (keyof Store)[];

/** A row of `stores`; `next_order_number` is the adapter's own and never leaves it. */
export class StoreModel extends BaseModel {
  static override tableName = 'stores';
  static override booleanProperties = ['isOpen', 'autoAcceptOrders'];
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
  declare nextOrderNumber: number;
  /** When the vendor closed the account; the adapter's own, like the order counter. */
  declare closedAt: string | null;
  declare createdAt: string;
  declare updatedAt: string;

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
