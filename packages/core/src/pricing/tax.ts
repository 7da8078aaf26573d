import { mulDivHalfUp } from './exact.js';

/**
 * GST on one amount, computed as two equal halves each rounded half-up to the paisa (BigInt arithmetic,
 * exact for every safe integer): CGST = SGST = half, IGST = 2*half, so the tax never depends on the
 * place of supply and CGST always equals SGST.
 * inclusive: half = round(amount*bp / (2*(10000+bp))), tax = 2*half, taxable = amount - tax.
 * exclusive: half = round(amount*bp / 20000), tax = 2*half, taxable = amount.
 */
export function taxOn(amount: number, rateBp: number, inclusive: boolean): { taxable: number; tax: number } {
  if (rateBp <= 0 || amount === 0) return { taxable: amount, tax: 0 };
  if (inclusive) {
    const half = mulDivHalfUp(amount, rateBp, 2 * (10_000 + rateBp));
    return { taxable: amount - 2 * half, tax: 2 * half };
  }
  const half = mulDivHalfUp(amount, rateBp, 20_000);
  return { taxable: amount, tax: 2 * half };
}
