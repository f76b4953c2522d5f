// BILAG-2004 domain grades as SRI reads them (domain.md §4.1, §4.4). The grades themselves come
// from the licensed BILAG-2004 algorithm; FirstDose only compares grades between two visits.
import { z } from 'zod';
import { customIssue } from '../../validation.ts';

/** The nine BILAG-2004 organ domains, in the form's order (§4.4). */
export const bilagDomains = [
  'constitutional',
  'mucocutaneous',
  'neuropsychiatric',
  'musculoskeletal',
  'cardiorespiratory',
  'gastrointestinal',
  'ophthalmic',
  'renal',
  'hematological',
] as const;
export type BilagDomain = (typeof bilagDomains)[number];

/** A severe … E never involved; the order of this list is the order of severity. */
export const BilagGrade = { A: 'A', B: 'B', C: 'C', D: 'D', E: 'E' } as const;
export type BilagGrade = (typeof BilagGrade)[keyof typeof BilagGrade];
const gradesBySeverity: readonly BilagGrade[] = ['A', 'B', 'C', 'D', 'E'];
const severityRank = (grade: BilagGrade): number => gradesBySeverity.indexOf(grade);

const Grade = z.enum(gradesBySeverity);

/**
 * One visit's grades. Every domain is optional: a domain left out counts as E (not involved), as
 * the SRI contract says. The form spells the last domain "haematological"; both spellings are
 * accepted, but not both at once, since two grades for one domain could disagree.
 */
export const BilagInput = z
  .strictObject({
    constitutional: Grade.optional(),
    mucocutaneous: Grade.optional(),
    neuropsychiatric: Grade.optional(),
    musculoskeletal: Grade.optional(),
    cardiorespiratory: Grade.optional(),
    gastrointestinal: Grade.optional(),
    ophthalmic: Grade.optional(),
    renal: Grade.optional(),
    hematological: Grade.optional(),
    haematological: Grade.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.hematological !== undefined && v.haematological !== undefined)
      ctx.addIssue({ ...customIssue('mutually_exclusive', { other: 'hematological' }), path: ['haematological'] });
  });
export type BilagInput = z.infer<typeof BilagInput>;

export interface BilagVisit {
  readonly grades: Readonly<Record<BilagDomain, BilagGrade>>;
  /** Domains not given, counted as E. */
  readonly missing: readonly BilagDomain[];
}

export function bilagVisit(input: BilagInput): BilagVisit {
  const given: Partial<Record<BilagDomain, BilagGrade>> = { ...input, hematological: input.hematological ?? input.haematological };
  const grades = {} as Record<BilagDomain, BilagGrade>;
  const missing: BilagDomain[] = [];
  for (const domain of bilagDomains) {
    const grade = given[domain];
    if (grade === undefined) missing.push(domain);
    grades[domain] = grade ?? BilagGrade.E;
  }
  return { grades, missing };
}

/**
 * Domains newly at `grade`: at that grade at follow-up and not at that grade or worse at
 * baseline (§4.1). So B → A is a new A, but A → B is not a new B (it improved), and B → B is
 * not new; C, D or E → B is a new B.
 */
export function newDomainsAt(grade: BilagGrade, baseline: BilagVisit, followup: BilagVisit): BilagDomain[] {
  return bilagDomains.filter(
    (d) => followup.grades[d] === grade && severityRank(baseline.grades[d]) > severityRank(grade),
  );
}
