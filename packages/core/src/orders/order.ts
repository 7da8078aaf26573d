import type { DeliveryMethod } from '../pricing/index.js';

export const orderStatuses = ['pending', 'accepted', 'rejected', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** How a customer pays: cash on delivery, or UPI to the store's UPI ID (a PaymentProvider may take it instead). */
export const paymentMethods = ['cod', 'upi'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * Where the money is, apart from the fulfilment status: every order starts `pending` (cash on
 * delivery too), becomes `paid` when the vendor marks it (or a provider confirms it, or a cash
 * order is delivered), and `refunded` when a paid order that was cancelled, rejected or returned
 * got its money back.
 */
export const paymentStatuses = ['pending', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export interface OrderPayment {
  method: PaymentMethod;
  status: PaymentStatus;
  /** What the vendor or provider noted with the last change (a UPI transaction id, a refund reference); null for none. */
  reference: string | null;
  /** When the status last changed; the order's creation until then. */
  updatedAt: string;
}

export interface OrderCustomer {
  name: string;
  /** E.164 (+91 and ten digits for INR stores). */
  phone: string;
  email: string | null;
  /**
   * The whole address on one line ("house, street, landmark, city, state"), as clients written
   * before the address had parts read it; '' for a pickup order that gave none.
   */
  address: string;
  /** Six digits; '' for a pickup order that gave none. */
  pincode: string;
  /** House or flat; null when the order was placed with a one-line address (or for pickup). */
  house: string | null;
  /** Street or area. */
  street: string | null;
  landmark: string | null;
  city: string | null;
  /** The state or union territory by its GST-list name. */
  state: string | null;
}


/** An extra charge of an order (delivery, packaging, cash on delivery) with its GST. */
export interface OrderCharge {
  kind: 'delivery' | 'packaging' | 'cod';
  amount: number;
  /** Percent. */
  taxRate: number;
  taxableValue: number;
  tax: number;
}

/** The order's GST split: CGST + SGST within the store's state, IGST across states; all 0 without GST. */
export interface OrderTax {
  cgst: number;
  sgst: number;
  igst: number;
}

/** The tax invoice of an accepted order: numbered per store and financial year (April-March) without gaps. */
export interface OrderInvoice {
  number: number;
  /** `2026-27`. */
  financialYear: string;
  issuedAt: string;
}

/** A line as it was sold: name and unit price are copied from the product at checkout. */
export interface OrderLine {
  productId: string;
  /** The variant sold; for orders placed before variants, the product's default variant (same id as the product). */
  variantId: string;
  name: string;
  /** The chosen option values, e.g. `{ Weight: '500 g' }`; `{}` for a product without options. */
  options: Record<string, string>;
  /** The variant's SKU at checkout; null when it had none. */
  sku: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  /** GST rate, percent (0 without GST). */
  taxRate: number;
  /** The product's HSN code at checkout; null when it had none. */
  hsnCode: string | null;
  /** This line's share of the coupon discount. */
  discount: number;
  /** What GST is charged on: lineTotal − discount, less the tax when prices include it. */
  taxableValue: number;
  tax: number;
}

export interface OrderStatusChange {
  status: OrderStatus;
  at: string;
  /** Why the order was cancelled, rejected or returned, as the vendor wrote it (shown to the customer); null otherwise. */
  reason: string | null;
}

export interface Order {
  id: string;
  storeId: string;
  /** Per store, from 1001, no gaps. */
  number: number;
  /** Unguessable; the customer's tracking link carries it. */
  token: string;
  status: OrderStatus;
  customer: OrderCustomer;
  items: OrderLine[];
  subtotal: number;
  /** 'pickup': collected from the store's pickup address, no delivery fee. */
  deliveryMethod: DeliveryMethod;
  /** The coupon's discount (0 without one). */
  discount: number;
  /** The coupon applied, its code as the store wrote it; null: none. */
  coupon: { code: string } | null;
  deliveryFee: number;
  packagingFee: number;
  codFee: number;
  /** Delivery, packaging and COD charges with their GST (charges of 0 are left out). */
  charges: OrderCharge[];
  /** GST on the lines and charges. Inside `total` when prices include tax, added to it otherwise. */
  taxTotal: number;
  tax: OrderTax;
  pricesIncludeTax: boolean;
  /** The store's GSTIN when the order was placed; null: no GST was charged. */
  sellerGstin: string | null;
  /** The state the supply is taxed in: the customer's for delivery, the store's for pickup. */
  placeOfSupply: string | null;
  /** Set when the order is accepted. */
  invoice: OrderInvoice | null;
  total: number;
  currency: string;
  /** The same as `payment.method`, kept for clients written before payments had a status. */
  paymentMethod: PaymentMethod;
  payment: OrderPayment;
  note: string | null;
  idempotencyKey: string | null;
  /** SHA-256 (hex) of the canonical JSON of the request that placed it under `idempotencyKey`; null without a key. */
  idempotencyFingerprint: string | null;
  /**
   * When the customer's personal data was erased (a request of the customer, or the store's
   * account closed); null while it is kept. An erased order keeps its lines and totals.
   */
  customerErasedAt: string | null;
  /** Oldest first, starting with the first status. */
  history: OrderStatusChange[];
  createdAt: string;
  updatedAt: string;
}

/** Today's figures for the dashboard. */
export interface OrderSummary {
  /** Orders placed since the given instant, any status. */
  orders: number;
  /** Sum of totals of those orders, rejected, cancelled and returned ones left out. */
  revenue: number;
  /** Orders waiting for the vendor, whenever placed. */
  pending: number;
}
