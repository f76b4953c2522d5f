// DS, SV and IE: where each subject went, which visits happened, and which criteria a subject
// did not meet.
import type { Protocol } from '../../domain/protocol/index.ts';
import { siteDate } from '../../store/trial/index.ts';
import { dayOf, epochOf, numberPerSubject, plannedVisits, type SubjectContext } from './context.ts';
import { criteriaOf, latestScreening } from './evidence.ts';
import type { Row } from './model.ts';
import { plannedStudyDay } from './dates.ts';
import { currentProtocol, type TrialSource } from './source.ts';

/** A status change as a disposition record (status changes without one are not disposition). */
const disposition: Record<string, { decod: string; cat: string; scat: string | null }> = {
  screen_failed: { decod: 'SCREEN FAILURE', cat: 'DISPOSITION EVENT', scat: 'STUDY PARTICIPATION' },
  completed: { decod: 'COMPLETED', cat: 'DISPOSITION EVENT', scat: 'STUDY PARTICIPATION' },
  withdrawn: { decod: 'WITHDRAWAL BY SUBJECT', cat: 'DISPOSITION EVENT', scat: 'STUDY PARTICIPATION' },
  died: { decod: 'DEATH', cat: 'DISPOSITION EVENT', scat: 'STUDY PARTICIPATION' },
  follow_up: { decod: 'DLT OBSERVATION PERIOD COMPLETED', cat: 'PROTOCOL MILESTONE', scat: null },
};

/** DS from the audit trail's status changes; the date is when the change was recorded (site calendar). */
export function mapDs(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const rows: Row[] = [];
  for (const change of source.statusChanges) {
    const ctx = contexts.get(change.subjectId);
    const d = disposition[change.status];
    if (!ctx || !d) continue;
    const date = siteDate(change.at);
    rows.push({
      STUDYID: ctx.studyid,
      DOMAIN: 'DS',
      USUBJID: ctx.usubjid,
      DSTERM: (change.reason?.trim() || d.decod).slice(0, 200),
      DSDECOD: d.decod,
      DSCAT: d.cat,
      DSSCAT: d.scat,
      EPOCH: epochOf(ctx, date),
      DSSTDTC: date,
      DSSTDY: dayOf(ctx, date),
    });
  }
  rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.DSSTDTC).localeCompare(String(b.DSSTDTC)));
  return numberPerSubject(rows, 'DS');
}

/** SV: the visits done (SVOCCUR Y) and those recorded as missed (N); planned visits still ahead are in TV only. */
export function mapSv(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const planned = plannedVisits(currentProtocol(source));
  const rows: Row[] = [];
  for (const v of source.visits) {
    const ctx = contexts.get(v.subjectId);
    const p = planned.get(v.visitCode);
    if (!ctx || !p || (v.status !== 'done' && v.status !== 'missed')) continue;
    const date = v.status === 'done' ? v.actualDate : null;
    rows.push({
      STUDYID: ctx.studyid,
      DOMAIN: 'SV',
      USUBJID: ctx.usubjid,
      VISITNUM: p.visitnum,
      VISIT: p.visit,
      SVPRESP: 'Y',
      SVOCCUR: v.status === 'done' ? 'Y' : 'N',
      VISITDY: plannedStudyDay(p.protocolDay),
      SVSTDTC: date,
      SVENDTC: date,
      SVSTDY: dayOf(ctx, date),
      SVENDY: dayOf(ctx, date),
    });
  }
  return rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || Number(a.VISITNUM) - Number(b.VISITNUM));
}

/** IETESTCD for each criterion id: INCL01.. and EXCL01.. in the protocol's order. */
export function criterionCodes(protocol: Protocol): Map<string, string> {
  const codes = new Map<string, string>();
  let inclusion = 0;
  let exclusion = 0;
  for (const c of protocol.criteria) {
    const n = c.kind === 'inclusion' ? ++inclusion : ++exclusion;
    codes.set(c.id, `${c.kind === 'inclusion' ? 'INCL' : 'EXCL'}${String(n).padStart(2, '0')}`);
  }
  return codes;
}

/** IETEST is at most 200 characters (SDTMIG 3.4 IE): longer texts are cut at a word, the full text is in the protocol. */
export function criterionText(text: string): string {
  if (text.length <= 200) return text;
  const cut = text.slice(0, 197);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 150 ? cut.lastIndexOf(' ') : 197)}...`;
}

/**
 * IE: the exceptions of each subject's latest screening: inclusion criteria not met (IEORRES N),
 * exclusion criteria met (Y). Criteria the evaluation left unknown are not exceptions.
 */
export function mapIe(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const rows: Row[] = [];
  const planned = plannedVisits(currentProtocol(source));
  const screeningVisit = [...planned.entries()].find(([id]) => id === 'screening')?.[1] ?? null;
  for (const ctx of contexts.values()) {
    const screening = latestScreening(source.screenings, ctx.subject.id);
    if (!screening) continue;
    const version = source.protocols.find((p) => p.protocol.version === (screening.evaluation as { protocolVersion?: string }).protocolVersion) ?? source.protocols.at(-1)!;
    const codes = criterionCodes(version.protocol);
    for (const result of criteriaOf(screening)) {
      const exception = (result.kind === 'inclusion' && result.status === 'not-met') || (result.kind === 'exclusion' && result.status === 'met');
      const criterion = version.protocol.criteria.find((c) => c.id === result.id);
      if (!exception || !criterion) continue;
      rows.push({
        STUDYID: ctx.studyid,
        DOMAIN: 'IE',
        USUBJID: ctx.usubjid,
        IESPID: criterion.id,
        IETESTCD: codes.get(criterion.id)!,
        IETEST: criterionText(criterion.text.en),
        IECAT: criterion.kind === 'inclusion' ? 'INCLUSION' : 'EXCLUSION',
        IEORRES: criterion.kind === 'inclusion' ? 'N' : 'Y',
        IESTRESC: criterion.kind === 'inclusion' ? 'N' : 'Y',
        VISITNUM: screeningVisit?.visitnum ?? null,
        VISIT: screeningVisit?.visit ?? null,
        EPOCH: 'SCREENING',
        IEDTC: screening.asOf,
        IEDY: dayOf(ctx, screening.asOf),
      });
    }
  }
  rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.IETESTCD).localeCompare(String(b.IETESTCD)));
  return numberPerSubject(rows, 'IE');
}
