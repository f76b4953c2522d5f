// What every domain needs to know about a subject: its identifiers, its reference start (the
// first HN2301 infusion, SDTM day 1), its planned visits and the epoch a date falls in.
import { addDays } from '../../domain/conduct/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import type { Subject } from '../../store/index.ts';
import type { VisitRow } from '../../store/schema-conduct.ts';
import { compareDtc, siteDateTime, studyDay } from './dates.ts';
import { currentProtocol, type TrialSource } from './source.ts';

export interface PlannedVisit {
  readonly visitnum: number;
  readonly visit: string;
  /** Day in the protocol's own count (day 0 = infusion). */
  readonly protocolDay: number;
}

export interface SubjectContext {
  readonly subject: Subject;
  readonly studyid: string;
  readonly siteid: string;
  readonly subjid: string;
  readonly usubjid: string;
  /** First infusion start (site wall clock), or null before any dose. */
  readonly rfstdtc: string | null;
  /** Last day of the DLT window (the TREATMENT epoch's last day). */
  readonly treatmentEnds: string | null;
  readonly visits: readonly VisitRow[];
}

export const studyId = (source: TrialSource) => source.study.code.toUpperCase();

/** SITEID from the site code: upper case, as the other identifiers. */
export const siteId = (code: string) => code.toUpperCase();

/** Protocol visits numbered 1.. in the protocol's order; VISIT is the English name in upper case. */
export function plannedVisits(protocol: Protocol): Map<string, PlannedVisit> {
  return new Map(protocol.visits.map((v, i) => [v.id, { visitnum: i + 1, visit: v.name.en.toUpperCase(), protocolDay: v.day }]));
}

export function subjectContexts(source: TrialSource): Map<string, SubjectContext> {
  const studyid = studyId(source);
  const protocol = currentProtocol(source);
  const sites = new Map(source.sites.map((s) => [s.id, siteId(s.code)]));
  const contexts = new Map<string, SubjectContext>();
  for (const subject of source.subjects) {
    const doses = source.doses.filter((d) => d.subjectId === subject.id).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    const rfstdtc = doses[0] ? siteDateTime(doses[0].startedAt) : null;
    const siteid = sites.get(subject.siteId) ?? 'UNKNOWN';
    contexts.set(subject.id, {
      subject,
      studyid,
      siteid,
      subjid: subject.screeningNumber,
      usubjid: `${studyid}-${siteid}-${subject.screeningNumber}`,
      rfstdtc,
      treatmentEnds: rfstdtc ? addDays(rfstdtc.slice(0, 10), protocol.dlt.windowDays) : null,
      visits: source.visits.filter((v) => v.subjectId === subject.id),
    });
  }
  return contexts;
}

/**
 * The epoch of a date: SCREENING before the first infusion, TREATMENT from it to the last day of
 * the DLT window (protocol day 28), FOLLOW-UP after. Null when nothing places it.
 */
export function epochOf(ctx: SubjectContext, dtc: string | null): string | null {
  if (!dtc) return null;
  if (ctx.rfstdtc === null) return 'SCREENING';
  if (compareDtc(dtc, ctx.rfstdtc) < 0) return 'SCREENING';
  if (ctx.treatmentEnds !== null && dtc.slice(0, 10) > ctx.treatmentEnds) return 'FOLLOW-UP';
  return 'TREATMENT';
}

/** --DY of a date for this subject. */
export const dayOf = (ctx: SubjectContext, dtc: string | null) => studyDay(dtc, ctx.rfstdtc);

/**
 * The visit a record belongs to: the one it was entered against, else the visit done on the same
 * day; null for a record outside any visit.
 */
export function visitOf(ctx: SubjectContext, planned: Map<string, PlannedVisit>, visitId: string | null, dtc: string | null): PlannedVisit | null {
  const row = visitId ? ctx.visits.find((v) => v.id === visitId) : dtc ? ctx.visits.find((v) => v.status === 'done' && v.actualDate === dtc.slice(0, 10)) : undefined;
  return row ? (planned.get(row.visitCode) ?? null) : null;
}

/** Sequence numbers 1.. per subject, in the order of the rows given. */
export function numberPerSubject<T extends Record<string, unknown>>(rows: T[], prefix: string): T[] {
  const counters = new Map<unknown, number>();
  return rows.map((r) => {
    const n = (counters.get(r.USUBJID) ?? 0) + 1;
    counters.set(r.USUBJID, n);
    return { ...r, [`${prefix}SEQ`]: n };
  });
}
