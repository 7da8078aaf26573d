import type { Order, OrderCustomer, OrderStatusChange } from './order.js';

/** An order as the customer sees it on the tracking page: no store id, key, fingerprint, erasure time or history. */
export type CustomerOrderView = Omit<Order, 'storeId' | 'idempotencyKey' | 'idempotencyFingerprint' | 'customerErasedAt' | 'history'>;

/** An order as the vendor sees it: the customer's view plus the status history. */
export interface VendorOrderView extends CustomerOrderView {
  history: OrderStatusChange[];
}

/** The customer with every field present, in one order: a new order and its replay serialise alike. */
function customerOf(customer: OrderCustomer): OrderCustomer {
  const { name, phone, email, address, pincode } = customer;
  return { name, phone, email: email ?? null, address, pincode };
}

export function toCustomerOrderView(order: Order): CustomerOrderView {
  return {
    id: order.id,
    number: order.number,
    token: order.token,
    status: order.status,
    customer: customerOf(order.customer),
    items: order.items,
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    note: order.note,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function toVendorOrderView(order: Order): VendorOrderView {
  return { ...toCustomerOrderView(order), history: order.history };
}
