// Weighted isotonic regression by pool-adjacent-violators, in the exact order BOIN's select.mtd
// does it (boin-spec.md §5.5): repeatedly merge the *first* adjacent pair of blocks whose values
// decrease, giving every member Σ w·x / Σ w summed in dose order. Any correct PAVA gives the same
// fit up to rounding; copying the order keeps the doubles identical to R's, which matters because
// select.mtd breaks near-ties by 1e−10 offsets (§5.6).

/**
 * Replaces x[0..len) by its weighted isotonic (non-decreasing) fit. `block` is scratch of at least
 * `len` entries (no allocation, for the OC hot loops).
 */
export function pavaInPlace(x: Float64Array | number[], w: Float64Array | number[], len: number, block: Int32Array): void {
  if (len <= 1) return;
  for (let i = 0; i < len; i++) block[i] = i;
  for (;;) {
    let i = 0;
    while (i < len - 1 && !(x[i + 1]! < x[i]!)) i++;
    if (i >= len - 1) return;
    const lvl1 = block[i]!;
    const lvl2 = block[i + 1]!;
    // Blocks are contiguous runs: walk left from i over lvl1 and right from i + 1 over lvl2.
    let start = i;
    while (start > 0 && block[start - 1] === lvl1) start--;
    let end = i + 1;
    while (end < len - 1 && block[end + 1] === lvl2) end++;
    let sxw = 0;
    let sw = 0;
    for (let k = start; k <= end; k++) {
      sxw += x[k]! * w[k]!;
      sw += w[k]!;
    }
    const v = sxw / sw;
    for (let k = start; k <= end; k++) {
      x[k] = v;
      block[k] = lvl1;
    }
  }
}

/** Convenience copy-in/copy-out form for small, non-hot callers. Unit weights when `w` is omitted. */
export function pava(x: readonly number[], w?: readonly number[]): number[] {
  const out = [...x];
  pavaInPlace(out, w ? [...w] : out.map(() => 1), out.length, new Int32Array(out.length));
  return out;
}
