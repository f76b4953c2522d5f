// Adverse-event grades as the trial records them: proposed automatically from laboratory values
// (CTCAE v5.0) or from the CRS / ICANS findings (ASTCT 2019), by the existing graders in
// src/domain/safety; the investigator may override the proposal, and must say why, so the record
// shows both the computed grade and the clinical judgement that replaced it.
import { z } from 'zod';
import type { Explanation } from '../explanation.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { CrsInput, CtcaeInput, type CtcaeTerm, gradeCrs, gradeCtcae, gradeIcans, IcansInput, type SafetyGrade } from '../safety/index.ts';
import { parseInput } from '../validation.ts';
import { GradingSystem } from './dlt-rules.ts';

export interface AutoGrade {
  readonly system: GradingSystem;
  readonly grade: SafetyGrade;
  /** The CTCAE criterion that fired (CTCAE only). */
  readonly rule?: string;
  readonly explanation: Explanation;
}

/** One laboratory (or temperature) reading of a CTCAE term: the `firstdose score ctcae` input without the term. */
export type LabReading = Omit<z.input<typeof CtcaeInput>, 'term'>;

export function gradeFromLab(term: CtcaeTerm, reading: LabReading): Result<AutoGrade> {
  const parsed = parseInput(CtcaeInput, { ...reading, term });
  if (!parsed.ok) return parsed;
  const graded = gradeCtcae(parsed.value);
  if (!graded.ok) return graded;
  const { grade, rule } = graded.value.output;
  return ok({ system: GradingSystem.ctcae, grade, rule, explanation: graded.value.explanation });
}

export const Findings = z.discriminatedUnion('syndrome', [
  z.strictObject({ syndrome: z.literal('crs'), findings: CrsInput }),
  z.strictObject({ syndrome: z.literal('icans'), findings: IcansInput }),
]);
export type Findings = z.input<typeof Findings>;

export function gradeFromFindings(input: Findings): Result<AutoGrade> {
  const parsed = parseInput(Findings, input);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const scored = f.syndrome === 'crs' ? gradeCrs(f.findings) : gradeIcans(f.findings);
  return ok({ system: f.syndrome === 'crs' ? GradingSystem.crs : GradingSystem.icans, grade: scored.output.grade, explanation: scored.explanation });
}

export interface GradeOverride {
  readonly grade: number;
  readonly reason: string;
}

export interface FinalGrade {
  readonly grade: SafetyGrade;
  readonly source: 'auto' | 'override';
  readonly autoGrade: SafetyGrade;
  readonly override: GradeOverride | null;
}

const isGrade = (g: number): g is SafetyGrade => Number.isInteger(g) && g >= 0 && g <= 5;

/** The grade that counts: the investigator's override when there is one (with a reason), else the computed one. */
export function finalGrade(input: { readonly auto: Pick<AutoGrade, 'grade'>; readonly override: GradeOverride | null }): Result<FinalGrade> {
  const { auto, override } = input;
  if (override === null) return ok({ grade: auto.grade, source: 'auto', autoGrade: auto.grade, override: null });
  const issues = [];
  if (!isGrade(override.grade)) issues.push(issue(['override', 'grade'], 'out_of_range', { value: override.grade, minimum: 0, maximum: 5 }));
  if (override.reason.trim() === '') issues.push(issue(['override', 'reason'], 'override_reason_required', { auto: auto.grade, override: override.grade }));
  if (issues.length > 0 || !isGrade(override.grade)) return fail(...issues);
  return ok({ grade: override.grade, source: 'override', autoGrade: auto.grade, override });
}
