// TS: the trial summary parameters SDTMIG 3.4 and the FDA expect, from the protocol file and the
// data (actual subjects, start date, data cut-off). Parameter codes and names are CDISC CT
// (TSPARMCD C66738 / TSPARM C67152); coded values carry their NCI code.
import { ctVersion } from './ct.ts';
import { studyId } from './context.ts';
import type { Row } from './model.ts';
import { currentProtocol, type TrialSource } from './source.ts';

/** TSPARMCD → TSPARM and its NCI code, as the CDISC pilot's define.xml lists them. */
export const tsParameters: Readonly<Record<string, { name: string; code: string }>> = {
  ACTSUB: { name: 'Actual Number of Subjects', code: 'C98703' },
  ADAPT: { name: 'Adaptive Design', code: 'C146995' },
  ADDON: { name: 'Added on to Existing Treatments', code: 'C49703' },
  AGEMAX: { name: 'Planned Maximum Age of Subjects', code: 'C49694' },
  AGEMIN: { name: 'Planned Minimum Age of Subjects', code: 'C49693' },
  DCUTDESC: { name: 'Data Cutoff Description', code: 'C98718' },
  DCUTDTC: { name: 'Data Cutoff Date', code: 'C98717' },
  DOSFRM: { name: 'Dose Form', code: 'C42636' },
  DOSFRQ: { name: 'Dosing Frequency', code: 'C89081' },
  FCNTRY: { name: 'Planned Country of Investigational Sites', code: 'C98770' },
  HLTSUBJI: { name: 'Healthy Subject Indicator', code: 'C98737' },
  INDIC: { name: 'Trial Disease/Condition Indication', code: 'C112038' },
  INTMODEL: { name: 'Intervention Model', code: 'C98746' },
  NARMS: { name: 'Planned Number of Arms', code: 'C98771' },
  PLANSUB: { name: 'Planned Number of Subjects', code: 'C49692' },
  RANDOM: { name: 'Trial is Randomized', code: 'C25196' },
  REGID: { name: 'Registry Identifier', code: 'C98714' },
  ROUTE: { name: 'Route of Administration', code: 'C38114' },
  SDTIGVER: { name: 'SDTM IG Version', code: 'C156604' },
  SDTMVER: { name: 'SDTM Version', code: 'C156605' },
  SEXPOP: { name: 'Sex of Participants', code: 'C49696' },
  SPONSOR: { name: 'Clinical Study Sponsor', code: 'C70793' },
  SSTDTC: { name: 'Study Start Date', code: 'C69208' },
  STOPRULE: { name: 'Study Stop Rules', code: 'C49698' },
  STYPE: { name: 'Study Type', code: 'C142175' },
  TBLIND: { name: 'Trial Blinding Schema', code: 'C49658' },
  TINDTP: { name: 'Trial Intent Type', code: 'C49652' },
  TITLE: { name: 'Trial Title', code: 'C49802' },
  TPHASE: { name: 'Trial Phase Classification', code: 'C48281' },
  TRT: { name: 'Investigational Therapy or Treatment', code: 'C41161' },
  TTYPE: { name: 'Trial Type', code: 'C49660' },
};

type Coded = { value: string; code?: string; ref?: string; version?: string };
const ct = (value: string, code?: string): Coded => ({ value, ...(code ? { code, ref: 'CDISC CT', version: ctVersion } : {}) });
const iso = (value: string): Coded => ({ value, ref: 'ISO 8601' });

/** Protocol phase as written in the registry record to the Trial Phase codelist (C66737). */
const phases: Record<string, Coded> = { 'N/A': ct('NOT APPLICABLE', 'C48660'), '1': ct('PHASE I TRIAL', 'C15600'), 'Phase 1': ct('PHASE I TRIAL', 'C15600') };

export function mapTs(source: TrialSource): Row[] {
  const p = currentProtocol(source);
  const age = p.criteria.map((c) => c.rule).find((r) => r.type === 'age') as { min?: number; max?: number } | undefined;
  const dosed = new Set(source.doses.map((d) => d.subjectId));
  const firstScreening = source.screenings.map((s) => s.asOf).sort()[0];
  const params: Array<[string, Coded]> = [
    ['TITLE', { value: p.identity.title.en }],
    ['SPONSOR', { value: p.identity.sponsor }],
    ['REGID', { value: p.identity.registryId, code: p.identity.registryId, ref: 'ClinicalTrials.gov' }],
    ['TPHASE', phases[p.identity.phase] ?? { value: p.identity.phase }],
    ['STYPE', ct('INTERVENTIONAL', 'C98388')],
    ['TTYPE', ct('SAFETY', 'C49667')],
    ['TTYPE', ct('EFFICACY', 'C49666')],
    ['TINDTP', ct('TREATMENT', 'C49656')],
    ['INDIC', { value: p.identity.indication.en, code: '55464009', ref: 'SNOMED' }],
    ['TRT', { value: 'HN2301' }],
    ['ROUTE', ct('INTRAVENOUS', 'C38276')],
    ['DOSFRM', ct('INJECTION', 'C42946')],
    ['DOSFRQ', ct('ONCE', 'C64576')],
    ['TBLIND', ct('OPEN LABEL', 'C49659')],
    ['RANDOM', ct('N', 'C49487')],
    ['INTMODEL', ct('SINGLE GROUP', 'C82640')],
    ['ADAPT', ct('N', 'C49487')],
    ['ADDON', ct('Y', 'C49488')],
    ['HLTSUBJI', ct('N', 'C49487')],
    ['SEXPOP', ct('BOTH', 'C49636')],
    ...(age?.min !== undefined ? ([['AGEMIN', iso(`P${age.min}Y`)]] as Array<[string, Coded]>) : []),
    ...(age?.max !== undefined ? ([['AGEMAX', iso(`P${age.max}Y`)]] as Array<[string, Coded]>) : []),
    ['PLANSUB', { value: String(p.identity.plannedParticipants) }],
    ['NARMS', { value: String(p.doseLevels.length) }],
    ['ACTSUB', { value: String(dosed.size) }],
    ...[...new Set(p.identity.sites.map((s) => s.country))].map((c): [string, Coded] => ['FCNTRY', { value: c === 'China' ? 'CHN' : c, code: c === 'China' ? 'CHN' : undefined, ref: 'ISO 3166-1 alpha-3' }]),
    [
      'STOPRULE',
      {
        value: `${p.escalation.design} design, cohorts of ${p.escalation.cohortSize}; DLT window ${p.dlt.windowDays} days from the infusion; sentinel subject observed ${p.sentinel.waitDays} days before the rest of the cohort; escalation after the cohort's DLT windows and the safety committee's signed decision`.slice(0, 200),
      },
    ],
    ...(firstScreening ? ([['SSTDTC', iso(firstScreening)]] as Array<[string, Coded]>) : []),
    ['DCUTDTC', iso(source.asOf)],
    ['DCUTDESC', { value: 'FIRSTDOSE EXPORT' }],
    ['SDTIGVER', { value: '3.4' }],
    ['SDTMVER', { value: '2.0' }],
  ];
  const counts = new Map<string, number>();
  const STUDYID = studyId(source);
  return params.map(([code, v]) => {
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    return {
      STUDYID,
      DOMAIN: 'TS',
      TSSEQ: n,
      TSGRPID: null,
      TSPARMCD: code,
      TSPARM: tsParameters[code]!.name,
      TSVAL: v.value.slice(0, 200),
      TSVALNF: null,
      TSVALCD: v.code ?? null,
      TSVCDREF: v.ref ?? null,
      TSVCDVER: v.version ?? null,
    };
  });
}
