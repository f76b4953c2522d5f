// MH and CM from the screening evaluation's evidence (see evidence.ts for why): the conditions
// and medications the eligibility criteria rested on. MedDRA and WHODrug coding are the
// sponsor's; MHDECOD stays empty and CM carries no CMDECOD.
import { dayOf, epochOf, numberPerSubject, type SubjectContext } from './context.ts';
import { allEvidence, evidenceFrom, latestScreening } from './evidence.ts';
import type { Row } from './model.ts';
import type { TrialSource } from './source.ts';

const conditions: Record<string, { term: string; cat: string; prespecified: boolean }> = {
  sle: { term: 'Systemic lupus erythematosus', cat: 'PRIMARY DIAGNOSIS', prespecified: false },
  gilbert: { term: "Gilbert's syndrome", cat: 'GENERAL', prespecified: true },
};

export function mapMh(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const rows: Row[] = [];
  for (const ctx of contexts.values()) {
    const screening = latestScreening(source.screenings, ctx.subject.id);
    if (!screening) continue;
    const seen = new Set<string>();
    for (const e of allEvidence(screening)) {
      const c = conditions[e.item];
      if (!c || seen.has(e.item) || typeof e.value !== 'boolean') continue;
      seen.add(e.item);
      // A prespecified condition (asked because a criterion needs it) is reported present or absent.
      if (!e.value && !c.prespecified) continue;
      rows.push({
        STUDYID: ctx.studyid,
        DOMAIN: 'MH',
        USUBJID: ctx.usubjid,
        MHTERM: c.term,
        MHDECOD: null,
        MHEVDTYP: e.value && e.date ? 'DIAGNOSIS' : null,
        MHCAT: c.cat,
        MHPRESP: c.prespecified ? 'Y' : null,
        MHOCCUR: c.prespecified ? (e.value ? 'Y' : 'N') : null,
        MHDTC: screening.asOf,
        MHSTDTC: e.value ? (e.date?.slice(0, 10) ?? null) : null,
        MHDY: dayOf(ctx, screening.asOf),
      });
    }
  }
  rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.MHTERM).localeCompare(String(b.MHTERM)));
  return numberPerSubject(rows, 'MH');
}

const frequency: Record<string, string> = { '1': 'QD', '2': 'BID', '3': 'TID', '4': 'QID' };

/** Evidence units read "mg" or "mg x 2/d" (one administration's dose times administrations a day). */
export function doseUnit(unit: string | undefined): { unit: string | null; frequency: string | null } {
  const m = /^(\S+)(?: x ([\d.]+)\/d)?$/.exec(unit ?? '');
  if (!m) return { unit: null, frequency: null };
  return { unit: m[1]!, frequency: m[2] ? (frequency[m[2]] ?? null) : null };
}

export function mapCm(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const rows: Row[] = [];
  for (const ctx of contexts.values()) {
    const screening = latestScreening(source.screenings, ctx.subject.id);
    if (!screening) continue;
    for (const e of evidenceFrom(screening, 'MedicationStatement')) {
      const dose = doseUnit(e.unit);
      const start = e.date?.slice(0, 10) ?? null;
      rows.push({
        STUDYID: ctx.studyid,
        DOMAIN: 'CM',
        USUBJID: ctx.usubjid,
        CMSPID: e.source ?? null,
        CMTRT: e.item.toUpperCase(),
        CMCAT: 'SLE THERAPY',
        CMINDC: null,
        CMDOSE: typeof e.value === 'number' ? e.value : null,
        CMDOSU: dose.unit,
        CMDOSFRQ: dose.frequency,
        // Started before the study: no epoch (SDTMIG 3.4 CM, EPOCH).
        EPOCH: start && ctx.rfstdtc && start >= ctx.rfstdtc.slice(0, 10) ? epochOf(ctx, start) : null,
        CMSTDTC: start,
        CMSTDY: dayOf(ctx, start),
      });
    }
  }
  rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.CMSTDTC).localeCompare(String(b.CMSTDTC)) || String(a.CMTRT).localeCompare(String(b.CMTRT)));
  return numberPerSubject(rows, 'CM');
}
