/** GST rates a product or store may set, percent. */
export const gstRates: readonly number[] = [0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 14, 18, 28, 40];

/** A percent rate in hundredths of a percent (18 -> 1800, 0.25 -> 25), so tax arithmetic stays whole. */
export function rateToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}
