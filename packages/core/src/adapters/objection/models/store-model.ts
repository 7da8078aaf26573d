import type { Store } from '../../../vendors/vendor.js';
import { BaseModel } from './base-model.js';

/** A row of `stores`. */
export class StoreModel extends BaseModel {
  static override tableName = 'stores';
  static override booleanProperties = ['isOpen', 'autoAcceptOrders'];

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
  declare createdAt: string;
  declare updatedAt: string;
}

/** The domain store of a store row. */
export function toStore(m: StoreModel): Store {
  return {
    id: m.id,
    vendorId: m.vendorId,
    slug: m.slug,
    name: m.name,
    description: m.description,
    phone: m.phone,
    pickupAddress: m.pickupAddress,
    logoUrl: m.logoUrl,
    currency: m.currency,
    deliveryFee: m.deliveryFee,
    freeDeliveryAbove: m.freeDeliveryAbove,
    minOrderValue: m.minOrderValue,
    isOpen: m.isOpen,
    autoAcceptOrders: m.autoAcceptOrders,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
