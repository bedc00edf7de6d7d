/** Small layout helpers shared by charts. */

/**
 * Moves label positions apart so that neighbours are at least `gap` px apart, keeping their order and
 * staying within [min, max] when there is room: a forward pass pushes labels down, a backward pass
 * pulls them back up from `max`.
 * @param positions wanted positions in px (any order); the result is aligned with the input
 * @example dodge([10, 12, 50], 10, 0, 100) // [10, 20, 50]
 */
export function dodge(positions: readonly number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = order.map((o) => o.p);
  for (let k = 0; k < out.length; k++) {
    const lower = k === 0 ? min : out[k - 1]! + gap;
    out[k] = Math.max(out[k]!, lower);
  }
  for (let k = out.length - 1; k >= 0; k--) {
    const upper = k === out.length - 1 ? max : out[k + 1]! - gap;
    out[k] = Math.min(out[k]!, upper);
  }
  const result = new Array<number>(positions.length);
  order.forEach((o, k) => {
    result[o.i] = out[k]!;
  });
  return result;
}
