import type { Order, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

/** A row of `orders`; the customer is flattened into `customer_*` columns. */
export class OrderModel extends BaseModel {
  static override tableName = 'orders';

  declare id: string;
  declare storeId: string;
  declare number: number;
  declare token: string;
  declare status: OrderStatus;
  declare customerName: string;
  declare customerPhone: string;
  declare customerEmail: string | null;
  declare customerAddress: string;
  declare customerPincode: string;
  declare subtotal: number;
  declare deliveryFee: number;
  declare total: number;
  declare currency: string;
  declare paymentMethod: PaymentMethod;
  declare note: string | null;
  declare idempotencyKey: string | null;
  declare createdAt: string;
  declare updatedAt: string;
}

/** The order row of a domain order (lines and history go to their own tables). */
export function fromOrder(order: Order): Partial<OrderModel> {
  const { customer } = order;
  return {
    id: order.id,
    storeId: order.storeId,
    number: order.number,
    token: order.token,
    status: order.status,
    customerName: customer.name,
    customerPhone: customer.phone,
    customerEmail: customer.email,
    customerAddress: customer.address,
    customerPincode: customer.pincode,
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    note: order.note,
    idempotencyKey: order.idempotencyKey,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

/** The domain order of an order row with its lines and history. */
export function toOrder(m: OrderModel, items: OrderLine[], history: OrderStatusChange[]): Order {
  return {
    id: m.id,
    storeId: m.storeId,
    number: m.number,
    token: m.token,
    status: m.status,
    customer: {
      name: m.customerName,
      phone: m.customerPhone,
      email: m.customerEmail,
      address: m.customerAddress,
      pincode: m.customerPincode,
    },
    items,
    subtotal: m.subtotal,
    deliveryFee: m.deliveryFee,
    total: m.total,
    currency: m.currency,
    paymentMethod: m.paymentMethod,
    note: m.note,
    idempotencyKey: m.idempotencyKey,
    history,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
