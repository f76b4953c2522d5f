// Values entered at the site, corrected with a reason, or marked entered in error (never deleted).
// An efficacy assessment (SLEDAI-2K, PGA, BILAG, glucocorticoid dose, the LLDAS/DORIS flags) is
// kept as one observation per part, so each part has its own audit history and can be queried.
import { eq } from 'drizzle-orm';
import { EfficacyAssessment } from '../../domain/conduct/index.ts';
import { issue } from '../../domain/result.ts';
import { parseInput } from '../../domain/validation.ts';
import { type Actor, audited, type Changes } from '../audit.ts';
import type { Db } from '../db.ts';
import { type ObservationKind, type ObservationRow, observation } from '../schema-conduct.ts';
import { observationIssues } from './observation-rules.ts';
import { ConductRefusal, InvalidInput, orInvalid } from './refusal.ts';
import { subjectById } from './subjects.ts';

export interface NewObservation {
  readonly subjectId: string;
  readonly visitId?: string;
  readonly kind: ObservationKind;
  readonly code: string;
  readonly valueNum?: number;
  readonly valueText?: string;
  readonly valueJson?: unknown;
  readonly unit?: string;
  readonly refLow?: number;
  readonly refHigh?: number;
  /** When it was measured; the entry time is the server's (created_at). */
  readonly observedAt: Date;
}

function checkValue(o: NewObservation): void {
  const issues = observationIssues(o);
  if (issues.length > 0) throw new InvalidInput(issues[0]!, ...issues.slice(1));
}

export async function enterObservation(db: Db, actor: Actor, o: NewObservation): Promise<ObservationRow> {
  checkValue(o);
  await subjectById(db, o.subjectId);
  return audited(db, actor, (tx) =>
    tx.insert(observation, {
      subjectId: o.subjectId,
      visitId: o.visitId ?? null,
      kind: o.kind,
      code: o.code,
      valueNum: o.valueNum ?? null,
      valueText: o.valueText ?? null,
      valueJson: o.valueJson ?? null,
      unit: o.unit ?? null,
      refLow: o.refLow ?? null,
      refHigh: o.refHigh ?? null,
      observedAt: o.observedAt,
      status: 'final',
      source: 'entry',
    }),
  );
}

/** A correction after first entry: the reason is required, and the earlier value stays in the audit trail. */
export async function correctObservation(db: Db, actor: Actor, id: string, expectedVersion: number, changes: Changes<typeof observation>): Promise<ObservationRow> {
  // A correction that sets nothing would be an UPDATE without a SET (the driver throws, a 500).
  if (!Object.values(changes).some((v) => v !== undefined)) throw new InvalidInput(issue(['changes'], 'nothing_to_change'));
  return audited(db, actor, (tx) => tx.update(observation, id, expectedVersion, changes));
}

export async function markEnteredInError(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<ObservationRow> {
  return audited(db, actor, async (tx) => {
    const [row] = await tx.orm.select().from(observation).where(eq(observation.id, id));
    if (!row) throw new ConductRefusal(issue(['observationId'], 'observation_not_found', { observation: id }));
    return tx.update(observation, id, expectedVersion, { status: 'entered-in-error' });
  });
}

const flagFields = [
  'newFeatures',
  'immunosuppressantsStandardDose',
  'hemolyticAnemia',
  'gastrointestinalActivity',
  'immunosuppressantsStable',
  'biologicsStable',
  'onImmunosuppressants',
  'onBiologics',
] as const;

/** Stores an efficacy assessment (validated as the efficacy module reads it) as its parts. */
export async function recordAssessment(db: Db, actor: Actor, input: { subjectId: string; visitId?: string; observedAt: Date; assessment: unknown }): Promise<ObservationRow[]> {
  const a = orInvalid(parseInput(EfficacyAssessment, input.assessment));
  const parts: Omit<NewObservation, 'subjectId' | 'observedAt' | 'visitId'>[] = [];
  if (a.sledai2k) parts.push({ kind: 'sledai2k', code: 'sledai2k', valueJson: a.sledai2k });
  if (a.pga !== undefined) parts.push({ kind: 'pga', code: 'pga', valueNum: a.pga });
  if (a.bilag) parts.push({ kind: 'bilag', code: 'bilag-2004', valueJson: a.bilag });
  if (a.prednisoneMgPerDay !== undefined) parts.push({ kind: 'glucocorticoid', code: 'prednisone-mg-per-day', valueNum: a.prednisoneMgPerDay, unit: 'mg/d' });
  if (a.glucocorticoids !== undefined) parts.push({ kind: 'glucocorticoid', code: 'glucocorticoids', valueJson: a.glucocorticoids });
  const flags = Object.fromEntries(flagFields.filter((f) => a[f] !== undefined).map((f) => [f, a[f]]));
  if (Object.keys(flags).length > 0) parts.push({ kind: 'assessment-flags', code: 'lldas-doris-flags', valueJson: flags });
  await subjectById(db, input.subjectId);
  return audited(db, actor, async (tx) => {
    const rows: ObservationRow[] = [];
    for (const p of parts)
      rows.push(
        await tx.insert(observation, {
          subjectId: input.subjectId,
          visitId: input.visitId ?? null,
          kind: p.kind,
          code: p.code,
          valueNum: p.valueNum ?? null,
          valueText: null,
          valueJson: p.valueJson ?? null,
          unit: p.unit ?? null,
          observedAt: input.observedAt,
          status: 'final',
          source: 'entry',
        }),
      );
    return rows;
  });
}

/** The assessment the final observations make up (the latest of each part), for the efficacy module. */
export function assessmentOf(rows: readonly ObservationRow[]): EfficacyAssessment {
  const latest = new Map<string, ObservationRow>();
  for (const r of [...rows].filter((x) => x.status === 'final').sort((x, y) => x.observedAt.getTime() - y.observedAt.getTime())) latest.set(r.code, r);
  const out: Record<string, unknown> = {};
  for (const r of latest.values()) {
    if (r.code === 'sledai2k') out.sledai2k = r.valueJson;
    else if (r.code === 'pga') out.pga = r.valueNum;
    else if (r.code === 'bilag-2004') out.bilag = r.valueJson;
    else if (r.code === 'prednisone-mg-per-day') out.prednisoneMgPerDay = r.valueNum;
    else if (r.code === 'glucocorticoids') out.glucocorticoids = r.valueJson;
    else if (r.code === 'lldas-doris-flags') Object.assign(out, r.valueJson);
  }
  // One dose source: the latest recorded wins when both were entered at different times.
  if (out.prednisoneMgPerDay !== undefined && out.glucocorticoids !== undefined) {
    const [p, g] = [latest.get('prednisone-mg-per-day')!, latest.get('glucocorticoids')!];
    delete out[p.observedAt > g.observedAt ? 'glucocorticoids' : 'prednisoneMgPerDay'];
  }
  return out as EfficacyAssessment;
}
