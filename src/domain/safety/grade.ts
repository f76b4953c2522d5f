// Severity grades shared by CTCAE v5.0 and the ASTCT 2019 consensus scales: 0 (no adverse event)
// and grades 1-5 (mild, moderate, severe, life-threatening, death), shared/domain/domain.md §5.1.
export const SafetyGrade = {
  none: 0,
  mild: 1,
  moderate: 2,
  severe: 3,
  lifeThreatening: 4,
  death: 5,
} as const;
export type SafetyGrade = (typeof SafetyGrade)[keyof typeof SafetyGrade];

/** The most severe of several domain grades (CTCAE "highest criterion met"; ASTCT "most severe domain"). */
export function worstGrade(...grades: readonly SafetyGrade[]): SafetyGrade {
  let worst: SafetyGrade = SafetyGrade.none;
  for (const g of grades) if (g > worst) worst = g;
  return worst;
}
