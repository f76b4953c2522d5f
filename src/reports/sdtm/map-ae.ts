// AE and SUPPAE from the adverse events in force. The grade is AETOXGR (CTCAE v5.0, or the ASTCT
// 2019 consensus grade for CRS and ICANS; SUPPAE.AETOXSCL names which). MedDRA coding is the
// sponsor's (licensed dictionary): AEDECOD and the hierarchy stay empty until coded. The
// investigator's signed DLT call goes to SUPPAE.AEDLT. HN2301 is one infusion, so any event
// after it cannot change the treatment: AEACN is NOT APPLICABLE; the free-text action taken
// (e.g. tocilizumab) is AEACNOTH.
import type { AdverseEventRow } from '../../store/schema-conduct.ts';
import { dayOf, epochOf, numberPerSubject, type SubjectContext } from './context.ts';
import { compareDtc } from './dates.ts';
import type { ExportNote, Row } from './model.ts';
import type { TrialSource } from './source.ts';

const relatedness: Record<string, string> = {
  'not-related': 'NOT RELATED',
  unlikely: 'UNLIKELY RELATED',
  possible: 'POSSIBLY RELATED',
  probable: 'PROBABLY RELATED',
  definite: 'RELATED',
};

const scale: Record<string, string> = {
  ctcae: 'NCI CTCAE V5.0',
  'astct-crs': 'ASTCT 2019 CRS CONSENSUS GRADING',
  'astct-icans': 'ASTCT 2019 ICANS CONSENSUS GRADING',
};

/** Outcome as entered (free text) to the OUT codelist (C66768). */
export function outcomeTerm(text: string | null): string | null | undefined {
  if (text === null || text.trim() === '') return null;
  const t = text.toLowerCase().replace(/[\s_/-]+/g, ' ').trim();
  if (/sequel/.test(t)) return 'RECOVERED/RESOLVED WITH SEQUELAE';
  if (/^(not (recovered|resolved)|ongoing|persisting)/.test(t)) return 'NOT RECOVERED/NOT RESOLVED';
  if (/^(recovering|resolving|improving)/.test(t)) return 'RECOVERING/RESOLVING';
  if (/^(recovered|resolved)/.test(t)) return 'RECOVERED/RESOLVED';
  if (/^(fatal|death|died)/.test(t)) return 'FATAL';
  if (t === 'unknown') return 'UNKNOWN';
  return undefined;
}

export interface AeOutput {
  readonly ae: Row[];
  readonly suppae: Row[];
}

export function mapAe(source: TrialSource, contexts: Map<string, SubjectContext>, notes: ExportNote[]): AeOutput {
  const records: Array<{ row: Record<string, string | number | null>; event: AdverseEventRow }> = [];
  for (const event of source.adverseEvents) {
    const ctx = contexts.get(event.subjectId);
    if (!ctx) continue;
    const outcome = outcomeTerm(event.outcome);
    if (outcome === undefined) notes.push({ code: 'not_in_codelist', params: { codelist: 'OUT', value: event.outcome ?? '', subject: ctx.usubjid } });
    const dosedBefore = ctx.rfstdtc !== null && compareDtc(event.onsetDate, ctx.rfstdtc) >= 0;
    records.push({
      event,
      row: {
        STUDYID: ctx.studyid,
        DOMAIN: 'AE',
        USUBJID: ctx.usubjid,
        AESPID: event.id,
        AETERM: event.term,
        AESER: event.serious ? 'Y' : 'N',
        AEACN: dosedBefore ? 'NOT APPLICABLE' : null,
        AEACNOTH: event.action,
        AEREL: relatedness[event.relatedness] ?? null,
        AEOUT: outcome ?? null,
        AETOXGR: String(event.grade),
        EPOCH: epochOf(ctx, event.onsetDate),
        AESTDTC: event.onsetDate,
        AEENDTC: event.resolvedDate,
        AESTDY: dayOf(ctx, event.onsetDate),
        AEENDY: dayOf(ctx, event.resolvedDate),
      },
    });
  }
  records.sort((a, b) => String(a.row.USUBJID).localeCompare(String(b.row.USUBJID)) || a.event.onsetDate.localeCompare(b.event.onsetDate) || a.event.term.localeCompare(b.event.term));
  const ae = numberPerSubject(
    records.map((r) => r.row),
    'AE',
  );
  const suppae: Row[] = [];
  records.forEach(({ event }, i) => {
    const parent = ae[i]!;
    const base = { STUDYID: parent.STUDYID ?? null, RDOMAIN: 'AE', USUBJID: parent.USUBJID ?? null, IDVAR: 'AESEQ', IDVARVAL: String(parent.AESEQ) };
    if (event.dlt) suppae.push({ ...base, QNAM: 'AEDLT', QLABEL: 'Dose-Limiting Toxicity', QVAL: event.dlt === 'yes' ? 'Y' : 'N', QORIG: 'Collected', QEVAL: 'INVESTIGATOR' });
    suppae.push({ ...base, QNAM: 'AETOXSCL', QLABEL: 'Toxicity Grading Scale', QVAL: scale[event.grading] ?? event.grading, QORIG: 'Assigned', QEVAL: null });
    if (event.gradeAuto !== null)
      suppae.push({ ...base, QNAM: 'AEGRDRV', QLABEL: 'Toxicity Grade Derived by FirstDose', QVAL: String(event.gradeAuto), QORIG: 'Derived', QEVAL: null });
  });
  return { ae, suppae };
}
