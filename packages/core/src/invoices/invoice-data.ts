import { variantLabel } from '../catalog/variant-summary.js';
import { NotFoundError } from '../errors.js';
import { amountInWords } from '../india/amount-in-words.js';
import { gstinState } from '../india/gstin.js';
import { indianStates, matchIndianState, type IndianState } from '../india/states.js';
import type { Order } from '../orders/order.js';
import type { Store } from '../vendors/vendor.js';

/** Who sells or buys, as printed. */
export interface InvoiceParty {
  name: string;
  /** Printed one per line; empty when there is none (an erased customer, a store without an address). */
  addressLines: string[];
  phone: string | null;
  email: string | null;
  gstin: string | null;
  /** "Delhi (07)"; null when unknown (a store without a state, a buyer abroad). */
  state: string | null;
}

/** What a line or a charge is: the order's items, then its charges in the order delivery, packaging, COD. */
export type InvoiceRowKind = 'item' | 'delivery' | 'packaging' | 'cod';

/** One row of the invoice's table: an item as sold, or a charge (quantity 1). Minor units throughout. */
export interface InvoiceRow {
  kind: InvoiceRowKind;
  /** "Laddoo (Weight: 500 g)", "Delivery charge". */
  description: string;
  sku: string | null;
  hsnCode: string | null;
  quantity: number;
  /** The price per unit as the store set it (tax included when `pricesIncludeTax`). */
  unitPrice: number;
  /** unitPrice × quantity. */
  gross: number;
  /** This row's share of the coupon discount. */
  discount: number;
  taxableValue: number;
  /** Percent, e.g. 18. */
  taxRate: number;
  cgst: number;
  sgst: number;
  igst: number;
  /** taxableValue + its tax: what the row adds to the total. */
  amount: number;
}

/** An invoice as every format prints it: PDF, A4 page, 80 mm receipt. */
export interface InvoiceData {
  /** 'Tax Invoice' when the store had a GSTIN when the order was placed, else 'Invoice'. */
  title: 'Tax Invoice' | 'Invoice';
  /** "2026-27/1": consecutive per store and financial year. */
  number: string;
  financialYear: string;
  sequence: number;
  /** The download's name, "invoice-2026-27-1.pdf". */
  fileName: string;
  /** ISO instant of issue (the order's acceptance); the PDF's dates come from it, so a PDF is the same every time. */
  issuedAt: string;
  /** "3 Apr 2026" in the store's time zone. */
  issuedOn: string;
  orderNumber: number;
  orderedOn: string;
  currency: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  /** True when the customer's details were erased: the buyer is a placeholder, the figures stay (kept for tax). */
  buyerErased: boolean;
  /** "Delhi (07)"; null when the order has none. */
  placeOfSupply: string | null;
  /** GST charged: 'intra' splits it into CGST and SGST, 'inter' is IGST; 'none' when the store charged no GST. */
  supply: 'intra' | 'inter' | 'none';
  deliveryMethod: 'delivery' | 'pickup';
  paymentMethod: 'cod' | 'upi';
  lines: InvoiceRow[];
  charges: InvoiceRow[];
  /** Σ of the items' gross, before the discount. */
  itemsSubtotal: number;
  discount: number;
  couponCode: string | null;
  taxableValue: number;
  cgst: number;
  sgst: number;
  igst: number;
  taxTotal: number;
  total: number;
  /** "Rupees One Thousand Two Hundred Ninety Nine Only". */
  totalInWords: string;
  pricesIncludeTax: boolean;
  /** "Prices include GST" or "GST is added to the prices shown"; null without GST. */
  taxNote: string | null;
}

/** What the API and pages answer for an order that was never accepted (or was placed before invoices). */
export const noInvoiceYet = 'This order has no invoice yet: invoices are issued when the order is accepted';

/** Printed in place of an erased customer's name; nothing else of theirs is printed. */
export const erasedBuyerName = 'Customer details erased';

const chargeLabels: Record<Exclude<InvoiceRowKind, 'item'>, string> = {
  delivery: 'Delivery charge',
  packaging: 'Packaging charge',
  cod: 'Cash on delivery fee',
};

// Fixed English month names: Intl's "Sept" (newer ICU) would make the same invoice print differently across Node versions.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Apr 2026": the calendar day of `iso` in `timeZone`. */
export function invoiceDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return `${part('day')} ${months[part('month') - 1] ?? ''} ${part('year')}`;
}

/** "Delhi (07)" for a state named any way matchIndianState accepts; the text as given for anything else. */
function stateWithCode(name: string | null | undefined): string | null {
  if (!name) return null;
  const canonical = matchIndianState(name);
  const state = canonical ? indianStates.find((s) => s.name === canonical) : undefined;
  return state ? labelOf(state) : name;
}

function labelOf(state: IndianState): string {
  return `${state.name} (${state.code})`;
}

/** Non-blank lines of a free-form address. */
function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function sellerOf(order: Order, store: Store): InvoiceParty {
  // The GSTIN the order was placed under decides the seller's state: a store that moves keeps its old invoices right.
  const registered = order.sellerGstin ? gstinState(order.sellerGstin) : null;
  return {
    name: store.name,
    addressLines: linesOf(store.pickupAddress),
    phone: store.phone,
    email: null,
    gstin: order.sellerGstin,
    state: registered ? labelOf(registered) : stateWithCode(store.state),
  };
}

function buyerOf(order: Order): InvoiceParty {
  if (order.customerErasedAt) return { name: erasedBuyerName, addressLines: [], phone: null, email: null, gstin: null, state: null };
  const c = order.customer;
  const structured = [c.house, c.street, c.landmark].some(Boolean);
  const cityLine = [c.city, [c.state, c.pincode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  // Orders from before structured addresses (and non-INR stores) have only the one-line address.
  const addressLines = structured ? [c.house, c.street, c.landmark ? `Near ${c.landmark}` : null, cityLine].filter((l): l is string => Boolean(l)) : [...linesOf(c.address), ...(c.pincode ? [c.pincode] : [])];
  return { name: c.name, addressLines, phone: c.phone || null, email: c.email, gstin: null, state: stateWithCode(c.state) };
}

function supplyOf(order: Order, seller: InvoiceParty): InvoiceData['supply'] {
  if (!order.sellerGstin) return 'none';
  if (order.tax.igst > 0) return 'inter';
  if (order.tax.cgst > 0 || order.tax.sgst > 0) return 'intra';
  // No tax at all (every rate 0): the place of supply still says which kind of supply it was.
  return stateWithCode(order.placeOfSupply) === seller.state ? 'intra' : 'inter';
}

/** The tax of one row, split as the order was: CGST = SGST = half (pricing makes every tax even), or all IGST. */
function split(tax: number, supply: InvoiceData['supply']): Pick<InvoiceRow, 'cgst' | 'sgst' | 'igst'> {
  if (supply === 'inter') return { cgst: 0, sgst: 0, igst: tax };
  if (supply === 'none') return { cgst: 0, sgst: 0, igst: 0 };
  const cgst = Math.floor(tax / 2);
  return { cgst, sgst: tax - cgst, igst: 0 };
}

/**
 * The invoice of an accepted order, for printing; null when the order has none. Figures are
 * the order's as stored (never priced again): the invoice always agrees with the order. The
 * seller's name, address and phone are the store's current ones; its GSTIN and state, the
 * order's.
 */
export function invoiceData(order: Order, store: Store): InvoiceData | null {
  if (!order.invoice) return null;
  const { number, financialYear, issuedAt } = order.invoice;
  const seller = sellerOf(order, store);
  const supply = supplyOf(order, seller);
  const lines: InvoiceRow[] = order.items.map((l) => ({
    kind: 'item',
    description: variantLabel(l.name, l.options),
    sku: l.sku,
    hsnCode: l.hsnCode,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    gross: l.lineTotal,
    discount: l.discount,
    taxableValue: l.taxableValue,
    taxRate: l.taxRate,
    ...split(l.tax, supply),
    amount: l.taxableValue + l.tax,
  }));
  const charges: InvoiceRow[] = order.charges.map((c) => ({
    kind: c.kind,
    description: chargeLabels[c.kind],
    sku: null,
    hsnCode: null,
    quantity: 1,
    unitPrice: c.amount,
    gross: c.amount,
    discount: 0,
    taxableValue: c.taxableValue,
    taxRate: c.taxRate,
    ...split(c.tax, supply),
    amount: c.taxableValue + c.tax,
  }));
  const rows = [...lines, ...charges];
  const sum = (pick: (r: InvoiceRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const hasGst = supply !== 'none';
  return {
    title: order.sellerGstin ? 'Tax Invoice' : 'Invoice',
    number: `${financialYear}/${number}`,
    financialYear,
    sequence: number,
    fileName: `invoice-${financialYear}-${number}.pdf`,
    issuedAt,
    issuedOn: invoiceDate(issuedAt, store.timeZone),
    orderNumber: order.number,
    orderedOn: invoiceDate(order.createdAt, store.timeZone),
    currency: order.currency,
    seller,
    buyer: buyerOf(order),
    buyerErased: order.customerErasedAt !== null,
    placeOfSupply: stateWithCode(order.placeOfSupply),
    supply,
    deliveryMethod: order.deliveryMethod,
    paymentMethod: order.paymentMethod,
    lines,
    charges,
    itemsSubtotal: order.subtotal,
    discount: order.discount,
    couponCode: order.coupon?.code ?? null,
    taxableValue: sum((r) => r.taxableValue),
    cgst: sum((r) => r.cgst),
    sgst: sum((r) => r.sgst),
    igst: sum((r) => r.igst),
    taxTotal: order.taxTotal,
    total: order.total,
    totalInWords: amountInWords(order.total, order.currency),
    pricesIncludeTax: order.pricesIncludeTax,
    taxNote: hasGst ? (order.pricesIncludeTax ? 'Prices include GST' : 'GST is added to the prices shown') : null,
  };
}

/** The invoice, or NotFoundError with what to do when the order has none yet. */
export function requireInvoice(order: Order, store: Store): InvoiceData {
  const data = invoiceData(order, store);
  if (!data) throw new NotFoundError(noInvoiceYet);
  return data;
}
