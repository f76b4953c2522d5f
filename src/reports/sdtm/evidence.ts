// Facts taken from a subject's eligibility evaluation. The FHIR bundle a subject was screened
// from is not kept (only its SHA-256), and only its observations are imported as records; what
// else the screening knew (birth date, sex, diagnoses, medications) survives as the evidence the
// criteria cite. DM, MH and CM read it from there.
import type { CriterionResult, Evidence, ScreeningResult } from '../../domain/eligibility/index.ts';
import type { ScreeningResultRow } from '../../store/schema-conduct.ts';

/** The subject's latest screening evaluation (a re-screen supersedes the earlier one). */
export function latestScreening(rows: readonly ScreeningResultRow[], subjectId: string): ScreeningResultRow | undefined {
  return rows.filter((r) => r.subjectId === subjectId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
}

export const criteriaOf = (row: ScreeningResultRow): readonly CriterionResult[] => (row.evaluation as ScreeningResult).criteria ?? [];

export const allEvidence = (row: ScreeningResultRow): Evidence[] => criteriaOf(row).flatMap((c) => c.evidence);

/** The first evidence value of an item (e.g. `birthDate`, `sex`). */
export function evidenceValue(row: ScreeningResultRow | undefined, item: string): Evidence['value'] | undefined {
  return row ? allEvidence(row).find((e) => e.item === item)?.value : undefined;
}

/** Evidence citing a FHIR resource of a type (`MedicationStatement/`, `Condition/`), one per resource. */
export function evidenceFrom(row: ScreeningResultRow, resourceType: string): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of allEvidence(row)) if (e.source?.startsWith(`${resourceType}/`) && !seen.has(e.source)) seen.set(e.source, e);
  return [...seen.values()];
}
