// Adverse events. FirstDose grades what it can: a CTCAE term from the laboratory value the event
// rests on, CRS and ICANS from their findings (ASTCT). The investigator may enter another grade,
// with a reason; both are kept (grade_auto, grade, grade_override_reason). Inside the DLT window
// the event is checked against the protocol's DLT rules, which suggest; the investigator's
// signed adjudication is what the escalation counts.
import { eq } from 'drizzle-orm';
import { type AutoGrade, type Findings, finalGrade, gradeFromFindings, gradeFromLab, type LabReading, suggestDlt } from '../../domain/conduct/index.ts';
import { issue } from '../../domain/result.ts';
import type { CtcaeTerm } from '../../domain/safety/index.ts';
import { authenticate, type Credentials, type SignatureRow, sign } from '../access/index.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { type AdverseEventRow, type AeGrading, adverseEvent, observation, type Relatedness } from '../schema-conduct.ts';
import { ConductRefusal, InvalidInput, orInvalid, orRefuse } from './refusal.ts';
import { conductAction } from './guard.ts';
import { subjectById } from './subjects.ts';

/** The CTCAE term a laboratory code is graded by. */
export const ctcaeTermOfLab: Readonly<Record<string, CtcaeTerm>> = {
  anc: 'neutrophil-count-decreased',
  alc: 'lymphocyte-count-decreased',
  wbc: 'white-blood-cell-decreased',
  platelets: 'platelet-count-decreased',
  hemoglobin: 'anemia',
  albumin: 'hypoalbuminemia',
  alt: 'alanine-aminotransferase-increased',
  ast: 'aspartate-aminotransferase-increased',
  alp: 'alkaline-phosphatase-increased',
  ggt: 'ggt-increased',
  bilirubin: 'blood-bilirubin-increased',
  creatinine: 'creatinine-increased',
  aptt: 'activated-partial-thromboplastin-time-prolonged',
  inr: 'inr-increased',
  temperature: 'fever',
};

export type GradingBasis =
  /** A final (entered or accepted) laboratory observation of this subject. */
  | { readonly observationId: string }
  | { readonly ctcae: CtcaeTerm; readonly reading: LabReading }
  | { readonly findings: Findings };

export interface AdverseEventInput {
  readonly subjectId: string;
  readonly term: string;
  readonly grading: AeGrading;
  readonly onsetDate: string;
  readonly resolvedDate?: string;
  readonly basis?: GradingBasis;
  /** The investigator's grade: required without a basis, an override (with a reason) with one. */
  readonly grade?: number;
  readonly overrideReason?: string;
  readonly serious?: boolean;
  readonly relatedness: Relatedness;
  readonly action?: string;
  readonly outcome?: string;
}

async function autoGrade(sql: Sql, subjectId: string, grading: AeGrading, basis: GradingBasis): Promise<AutoGrade & { basis: unknown }> {
  if ('findings' in basis) {
    const expected = grading === 'astct-crs' ? 'crs' : grading === 'astct-icans' ? 'icans' : null;
    if (basis.findings.syndrome !== expected) throw new ConductRefusal(issue(['basis', 'findings', 'syndrome'], 'basis_mismatch', { grading, basis: basis.findings.syndrome }));
    return { ...orInvalid(gradeFromFindings(basis.findings)), basis };
  }
  if (grading !== 'ctcae') throw new ConductRefusal(issue(['basis'], 'basis_mismatch', { grading, basis: 'laboratory' }));
  if ('ctcae' in basis) return { ...orInvalid(gradeFromLab(basis.ctcae, basis.reading)), basis };
  const [o] = await orm(sql).select().from(observation).where(eq(observation.id, basis.observationId));
  if (!o || o.subjectId !== subjectId) throw new ConductRefusal(issue(['basis', 'observationId'], 'observation_not_found', { observation: basis.observationId }));
  if (o.status !== 'final') throw new ConductRefusal(issue(['basis', 'observationId'], 'observation_not_final', { observation: o.id, status: o.status }));
  const term = ctcaeTermOfLab[o.code];
  if (!term || o.valueNum === null || !o.unit) throw new ConductRefusal(issue(['basis', 'observationId'], 'not_gradable', { code: o.code }));
  const reading: LabReading = { value: { value: o.valueNum, unit: o.unit }, ...(o.refLow !== null ? { lln: o.refLow } : {}), ...(o.refHigh !== null ? { uln: o.refHigh } : {}) };
  return { ...orRefuse(gradeFromLab(term, reading)), basis: { observationId: o.id, ctcae: term, reading } };
}

export interface RecordedAdverseEvent {
  readonly event: AdverseEventRow;
  readonly autoGrade: AutoGrade | null;
}

export async function recordAdverseEvent(db: Db, actor: Actor, input: AdverseEventInput): Promise<RecordedAdverseEvent> {
  // The table's CHECK refuses it too, but as a database error that names no field.
  if (input.resolvedDate !== undefined && input.resolvedDate < input.onsetDate)
    throw new InvalidInput(issue(['resolvedDate'], 'ends_before_start', { value: input.resolvedDate, start: input.onsetDate }));
  const s = await subjectById(db, input.subjectId);
  return conductAction(db, actor, 'adverse-event', s.studyId, input.onsetDate, async ({ tx, state, protocol }) => {
    const auto = input.basis ? await autoGrade(tx.sql, input.subjectId, input.grading, input.basis) : null;
    const override = input.grade !== undefined && auto !== null && input.grade !== auto.grade ? { grade: input.grade, reason: input.overrideReason?.trim() ?? '' } : null;
    let grade: number;
    if (auto) grade = orRefuse(finalGrade({ auto, override })).grade;
    else if (input.grade === undefined) throw new InvalidInput(issue(['grade'], 'required'));
    else grade = input.grade;
    if (grade < 1) throw new ConductRefusal(issue(['grade'], 'grade_zero', { term: input.term }));
    const subject = state.subjects.find((x) => x.id === input.subjectId)!;
    const relatedness = input.relatedness;
    const suggestion = subject.firstDoseDate
      ? suggestDlt(
          { term: input.term, onsetDate: input.onsetDate, grade, system: input.grading, relatedness, serious: input.serious ?? false },
          { firstDoseDate: subject.firstDoseDate, windowDays: protocol.dlt.windowDays },
        )
      : null;
    const event = await tx.insert(adverseEvent, {
      subjectId: input.subjectId,
      term: input.term,
      grading: input.grading,
      onsetDate: input.onsetDate,
      resolvedDate: input.resolvedDate ?? null,
      gradeAuto: auto?.grade ?? null,
      grade,
      gradeOverrideReason: override?.reason ?? null,
      gradingBasis: auto ? { basis: auto.basis, rule: auto.rule ?? null } : null,
      serious: input.serious ?? false,
      relatedness,
      action: input.action ?? null,
      outcome: input.outcome ?? null,
      dltSuggested: suggestion?.suggested ?? null,
      dltRule: suggestion?.rule ?? null,
    });
    return { event, autoGrade: auto };
  });
}

/** The investigator's DLT call, recorded (with the reason) and signed in their own name. */
export async function adjudicateDlt(db: Db, credentials: Credentials, eventId: string, dlt: 'yes' | 'no', reason: string): Promise<{ event: AdverseEventRow; signature: SignatureRow }> {
  if (!reason.trim()) throw new InvalidInput(issue(['reason'], 'reason_required'));
  // An event that does not exist is refused before the password is checked: else the refusal
  // would leave a recorded log-in behind.
  const [known] = await orm(db).select({ id: adverseEvent.id }).from(adverseEvent).where(eq(adverseEvent.id, eventId));
  if (!known) throw new ConductRefusal(issue(['eventId'], 'adverse_event_not_found', { event: eventId }));
  // The password first: a wrong one must not leave an unsigned call behind.
  await authenticate(db, credentials);
  const event = await audited(db, { user: credentials.username, reason }, async (tx) => {
    const [e] = await tx.orm.select().from(adverseEvent).where(eq(adverseEvent.id, eventId));
    if (!e) throw new ConductRefusal(issue(['eventId'], 'adverse_event_not_found', { event: eventId }));
    return tx.update(adverseEvent, e.id, e.version, { dlt });
  });
  const signature = await sign(db, credentials, { table: 'adverse_event', rowId: event.id, meaning: 'dlt-adjudicated' });
  return { event, signature };
}
