// The design workbench's request and reading of the answer: scenario presets, parsing a list of
// true DLT rates, and the dose a scenario's truth makes the right answer (closest to the target).

export const designChoices = ['3+3', '3+3/b', '3+3/c', 'boin', 'crm'] as const;
export type DesignChoice = (typeof designChoices)[number];

export interface Scenario {
  readonly key: string;
  readonly truth: readonly number[];
}

/** Three HN2301-sized scenarios and the README's six-dose one. */
export const presets: readonly Scenario[] = [
  { key: 'mtd-2', truth: [0.05, 0.3, 0.5] },
  { key: 'all-safe', truth: [0.02, 0.05, 0.1] },
  { key: 'all-toxic', truth: [0.45, 0.6, 0.7] },
  { key: 'readme', truth: [0.05, 0.15, 0.3, 0.45, 0.55, 0.65] },
];

/** `0.05, 0.3 ,0.5` → numbers; null when any entry is not a probability strictly between 0 and 1. */
export function parseRates(text: string): number[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v) && v > 0 && v < 1) ? values : null;
}

/** The dose whose true rate is closest to the target (ties: the lower dose), 0-based. */
export function targetDose(truth: readonly number[], target: number): number {
  let best = 0;
  for (let i = 1; i < truth.length; i++) if (Math.abs(truth[i]! - target) < Math.abs(truth[best]! - target) - 1e-12) best = i;
  return best;
}

/** A CRM skeleton when none is typed: the truth itself is the natural first guess in a workbench. */
export const defaultSkeleton = (truth: readonly number[]) => truth.map((p) => Number(p.toFixed(3)));

/** A design as POST /api/designs/compare takes it (as `firstdose design compare` names them). */
export function designSpec(choice: DesignChoice, skeleton: readonly number[] | null): Record<string, unknown> {
  switch (choice) {
    case '3+3':
      return { design: '3+3', variant: 'a', label: '3+3' };
    case '3+3/b':
      return { design: '3+3', variant: 'b', label: '3+3/b' };
    case '3+3/c':
      return { design: '3+3', variant: 'c', label: '3+3/c' };
    case 'boin':
      return { design: 'boin', label: 'BOIN' };
    case 'crm':
      return { design: 'crm', label: 'CRM', ...(skeleton ? { skeleton } : {}) };
  }
}
