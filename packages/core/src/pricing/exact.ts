// Float multiplication loses the last paisa once amount × rate passes 2^53, so every
// proportional split goes through BigInt; the sums stay Numbers like every other amount.

/** Half up (half away from zero) of n / d for BigInts, d > 0. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  if (n < 0n) return -roundHalfUp(-n, d);
  return (2n * n + d) / (2n * d);
}

/**
 * round half up(amount × numerator / denominator), exact for every integer amount. A non-finite
 * amount is not ours to repair: it comes back as float arithmetic made it (NaN stays NaN).
 */
export function mulDivHalfUp(amount: number, numerator: number, denominator: number): number {
  if (!Number.isInteger(amount)) return Math.round((amount * numerator) / denominator);
  return Number(roundHalfUp(BigInt(amount) * BigInt(numerator), BigInt(denominator)));
}

/**
 * Splits `total` over `weights` in proportion, by largest remainder (ties: the earlier index),
 * so the parts are whole and sum exactly to `total`. 0 ≤ total ≤ Σ weights keeps every part
 * within its weight.
 */
export function allocate(total: number, weights: ReadonlyArray<number>): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || sum === 0 || !Number.isInteger(total) || !weights.every(Number.isInteger)) {
    return weights.map(() => 0);
  }
  const t = BigInt(total);
  const s = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  const shares = weights.map((w, index) => {
    const scaled = t * BigInt(w);
    return { index, whole: scaled / s, remainder: scaled % s };
  });
  let left = t - shares.reduce((acc, share) => acc + share.whole, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.whole += 1n;
    left -= 1n;
  }
  return shares.map((share) => Number(share.whole));
}
