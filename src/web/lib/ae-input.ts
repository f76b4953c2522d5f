// The adverse-event form's state and what it becomes: the body of POST
// /api/subjects/:id/adverse-events (AdverseEventInput without subjectId) and, for the live
// preview, the grading input of the domain's own graders (src/domain/conduct/ae-grading.ts).
// The preview only shows what the server will compute with the same function; the saved grade is
// the server's.
import { type AutoGrade, gradeFromFindings, gradeFromLab } from '../../domain/conduct/ae-grading.ts';
import type { Result } from '../../domain/result.ts';
import type { CtcaeTerm } from '../../domain/safety/index.ts';

export type Grading = 'ctcae' | 'astct-crs' | 'astct-icans';
export type Basis = 'lab' | 'observation' | 'findings' | 'none';

export interface AeFormState {
  readonly term: string;
  readonly grading: Grading;
  readonly basis: Basis;
  readonly onsetDate: string;
  readonly resolvedDate: string;
  readonly serious: boolean;
  readonly relatedness: string;
  readonly action: string;
  readonly outcome: string;
  // laboratory reading (CTCAE)
  readonly ctcae: CtcaeTerm;
  readonly value: string;
  readonly unit: string;
  readonly lln: string;
  readonly uln: string;
  readonly baseline: string;
  readonly observationId: string;
  // CRS
  readonly feverC: string;
  readonly antiCytokineGiven: boolean;
  readonly hypotension: string;
  readonly oxygen: string;
  // ICANS
  readonly ice: string;
  readonly consciousness: string;
  readonly seizure: string;
  readonly motorWeakness: boolean;
  readonly edema: string;
  // the investigator's grade: without a basis, or overriding the computed one
  readonly grade: string;
  readonly overrideReason: string;
}

export const initialAe = (today: string): AeFormState => ({
  term: '',
  grading: 'astct-crs',
  basis: 'findings',
  onsetDate: today,
  resolvedDate: '',
  serious: false,
  relatedness: 'possible',
  action: '',
  outcome: '',
  ctcae: 'neutrophil-count-decreased',
  value: '',
  unit: '10*9/L',
  lln: '',
  uln: '',
  baseline: '',
  observationId: '',
  feverC: '',
  antiCytokineGiven: false,
  hypotension: 'none',
  oxygen: 'none',
  ice: '',
  consciousness: 'awake',
  seizure: 'none',
  motorWeakness: false,
  edema: 'none',
  grade: '',
  overrideReason: '',
});

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const opt = <K extends string>(key: K, v: number | undefined) => (v === undefined || Number.isNaN(v) ? {} : ({ [key]: v } as Record<K, number>));

function findings(s: AeFormState) {
  if (s.grading === 'astct-crs')
    return { syndrome: 'crs' as const, findings: { ...opt('feverC', num(s.feverC)), antiCytokineGiven: s.antiCytokineGiven, hypotension: s.hypotension, oxygen: s.oxygen } };
  return {
    syndrome: 'icans' as const,
    findings: { ...opt('ice', num(s.ice)), consciousness: s.consciousness, seizure: s.seizure, motorWeakness: s.motorWeakness, edema: s.edema },
  };
}

function reading(s: AeFormState) {
  return { value: { value: Number(s.value), unit: s.unit }, ...opt('lln', num(s.lln)), ...opt('uln', num(s.uln)), ...opt('baseline', num(s.baseline)) };
}

/** The basis sent to the server, or none (the investigator grades alone). */
export function basisOf(s: AeFormState): Record<string, unknown> | undefined {
  if (s.basis === 'findings' && s.grading !== 'ctcae') return { findings: findings(s) };
  if (s.basis === 'lab' && s.grading === 'ctcae') return { ctcae: s.ctcae, reading: reading(s) };
  if (s.basis === 'observation' && s.grading === 'ctcae' && s.observationId) return { observationId: s.observationId };
  return undefined;
}

/** The grade the server will compute from the typed basis (an observation is graded there only). */
export function previewGrade(s: AeFormState): Result<AutoGrade> | null {
  if (s.basis === 'findings' && s.grading !== 'ctcae') return gradeFromFindings(findings(s) as Parameters<typeof gradeFromFindings>[0]);
  if (s.basis === 'lab' && s.grading === 'ctcae' && s.value.trim() !== '') return gradeFromLab(s.ctcae, reading(s) as Parameters<typeof gradeFromLab>[1]);
  return null;
}

export function aeBody(s: AeFormState): Record<string, unknown> {
  const basis = basisOf(s);
  const grade = num(s.grade);
  return {
    term: s.term.trim(),
    grading: s.grading,
    onsetDate: s.onsetDate,
    ...(s.resolvedDate ? { resolvedDate: s.resolvedDate } : {}),
    ...(basis ? { basis } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(grade !== undefined && s.overrideReason.trim() ? { overrideReason: s.overrideReason.trim() } : {}),
    serious: s.serious,
    relatedness: s.relatedness,
    ...(s.action.trim() ? { action: s.action.trim() } : {}),
    ...(s.outcome.trim() ? { outcome: s.outcome.trim() } : {}),
  };
}
