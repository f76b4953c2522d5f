// Closed-form operating characteristics of the traditional 3+3 (variant A), from
// three-plus-three-spec.md "Closed form" (after Lin & Shih 2001): with q = 1 − p,
// P0 = q³, P1 = 3pq², pass probability α = P0 + P1·q³, reach probability R_j = ∏_{i<j} α_i.
// An independent check on the DP (agreement < 1e−14 in the reference scenarios).

export interface ThreePlusThreeClosedForm {
  /** [P(no MTD), P(MTD = 1), …, P(MTD = K)]. */
  readonly probSelect: readonly number[];
  readonly expectedN: readonly number[];
  readonly expectedDlt: readonly number[];
}

export function threePlusThreeClosedForm(truth: readonly number[]): ThreePlusThreeClosedForm {
  const K = truth.length;
  const p0 = truth.map((p) => (1 - p) ** 3);
  const p1 = truth.map((p) => 3 * p * (1 - p) ** 2);
  const alpha = truth.map((p, j) => p0[j]! + p1[j]! * (1 - p) ** 3);
  const reach: number[] = [];
  let r = 1;
  for (let j = 0; j < K; j++) {
    reach.push(r);
    r *= alpha[j]!;
  }
  const probSelect = [1 - alpha[0]!];
  for (let j = 0; j < K; j++) probSelect.push(reach[j]! * alpha[j]! * (j < K - 1 ? 1 - alpha[j + 1]! : 1));
  const expectedN = reach.map((rj, j) => 3 * rj * (1 + p1[j]!));
  return { probSelect, expectedN, expectedDlt: expectedN.map((e, j) => e * truth[j]!) };
}
