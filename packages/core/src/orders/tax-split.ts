import type { OrderTax } from './order.js';

/**
 * The GST of an order as it is split: IGST when the supply crosses state lines, CGST + SGST
 * otherwise. Every tax is two equal halves (see the pricing module), so the halves are exact.
 */
export function splitTax(taxTotal: number, interState: boolean): OrderTax {
  return interState ? { cgst: 0, sgst: 0, igst: taxTotal } : { cgst: taxTotal / 2, sgst: taxTotal / 2, igst: 0 };
}
