// dfcrm's dose recommendation from the plug-in probabilities (crm(): `mtd`, crm-notes.md):
//   all ptox ≤ target → the top dose K; all ptox ≥ target → dose 1;
//   otherwise the dose minimising |ptox − target|, a tie going to the lower dose
//   (R's order() is stable, and dfcrm takes order(abs(ptox - target))[1]).

export const CrmMtdRule = {
  Closest: 'closest',
  AllBelowTarget: 'all_below_target',
  AllAboveTarget: 'all_above_target',
} as const;
export type CrmMtdRule = (typeof CrmMtdRule)[keyof typeof CrmMtdRule];

/** The 0-based dose dfcrm recommends; allocation-free for the simulation hot path. */
export function crmMtdIndex(ptox: ArrayLike<number>, target: number): number {
  const k = ptox.length;
  let allBelow = true;
  let allAbove = true;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let j = 0; j < k; j++) {
    const p = ptox[j]!;
    if (p > target) allBelow = false;
    if (p < target) allAbove = false;
    const distance = Math.abs(p - target);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = j;
    }
  }
  if (allBelow) return k - 1;
  if (allAbove) return 0;
  return best;
}

/** Which branch of dfcrm's rule chose the dose (for the explanation). */
export function crmMtdRule(ptox: ArrayLike<number>, target: number): CrmMtdRule {
  let allBelow = true;
  let allAbove = true;
  for (let j = 0; j < ptox.length; j++) {
    if (ptox[j]! > target) allBelow = false;
    if (ptox[j]! < target) allAbove = false;
  }
  if (allBelow) return CrmMtdRule.AllBelowTarget;
  if (allAbove) return CrmMtdRule.AllAboveTarget;
  return CrmMtdRule.Closest;
}
