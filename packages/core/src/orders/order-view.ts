import type { Order, OrderCustomer, OrderPayment, OrderStatusChange } from './order.js';

/**
 * An order as the customer sees it on the tracking page: no store id, key, fingerprint, erasure
 * time or history, but the reason the vendor gave for the current status (a cancel, reject or
 * return), or null.
 */
export type CustomerOrderView = Omit<Order, 'storeId' | 'idempotencyKey' | 'idempotencyFingerprint' | 'customerErasedAt' | 'history' | 'payment'> & {
  statusReason: string | null;
  /** How the order is paid and whether it is (the vendor's reference stays with the vendor). */
  payment: Pick<OrderPayment, 'method' | 'status'>;
};

/** An order as the vendor sees it: the customer's view plus the status history and the payment's reference. */
export interface VendorOrderView extends Omit<CustomerOrderView, 'payment'> {
  payment: Pick<OrderPayment, 'method' | 'status' | 'reference'>;
  history: OrderStatusChange[];
}

/** The customer with every field present, in one order: a new order and its replay serialise alike. */
function customerOf(customer: OrderCustomer): OrderCustomer {
  const { name, phone, email, address, pincode } = customer;
  const parts = { house: customer.house ?? null, street: customer.street ?? null, landmark: customer.landmark ?? null, city: customer.city ?? null, state: customer.state ?? null };
  return { name, phone, email: email ?? null, address, ...parts, pincode };
}

/** The reason written with the move to the current status: the last history entry, when it is that move. */
function statusReasonOf(order: Order): string | null {
  const last = order.history[order.history.length - 1];
  return last && last.status === order.status ? last.reason : null;
}

export function toCustomerOrderView(order: Order): CustomerOrderView {
  return {
    id: order.id,
    number: order.number,
    token: order.token,
    status: order.status,
    statusReason: statusReasonOf(order),
    customer: customerOf(order.customer),
    items: order.items,
    subtotal: order.subtotal,
    deliveryMethod: order.deliveryMethod,
    discount: order.discount,
    coupon: order.coupon,
    deliveryFee: order.deliveryFee,
    packagingFee: order.packagingFee,
    codFee: order.codFee,
    charges: order.charges,
    taxTotal: order.taxTotal,
    tax: order.tax,
    pricesIncludeTax: order.pricesIncludeTax,
    sellerGstin: order.sellerGstin,
    placeOfSupply: order.placeOfSupply,
    invoice: order.invoice,
    total: order.total,
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    payment: { method: order.payment.method, status: order.payment.status },
    note: order.note,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function toVendorOrderView(order: Order): VendorOrderView {
  const { method, status, reference } = order.payment;
  return { ...toCustomerOrderView(order), payment: { method, status, reference }, history: order.history };
}
