// Controlled terminology of the exported variables. NCI C-codes are given where they were checked
// against the CDISC pilot's define.xml (CDISC CT 2020-12-18, shared/reference/cdisc-pilot) or are
// long-stable terms; a term without a code is either sponsor-defined or awaits confirmation
// against the CT package the sponsor submits with (see ctVersion). Codelists list every term
// FirstDose may write; define.xml lists the terms actually used.

export interface Term {
  readonly value: string;
  readonly code?: string;
  readonly decode?: string;
}

export interface Codelist {
  readonly id: string;
  readonly name: string;
  /** The NCI code of a CDISC codelist; absent for a sponsor-defined one. */
  readonly code?: string;
  readonly dataType: 'text' | 'integer';
  readonly terms: readonly Term[];
  /** An external dictionary (MedDRA, LOINC, ISO 3166) instead of terms. */
  readonly external?: { readonly dictionary: string; readonly version: string; readonly href?: string };
  /** Terms are whatever the trial defines (arms, criteria, sponsor tests): no value is outside it. */
  readonly open?: boolean;
}

/** The CDISC CT package the codes are meant to match: confirm before a submission. */
export const ctVersion = '2024-09-27';

const t = (value: string, code?: string, decode?: string): Term => ({ value, ...(code ? { code } : {}), ...(decode ? { decode } : {}) });
const cdisc = (id: string, name: string, code: string, terms: Term[]): Codelist => ({ id, name, code, dataType: 'text', terms });
const sponsor = (id: string, name: string, terms: Term[], dataType: 'text' | 'integer' = 'text'): Codelist => ({ id, name, dataType, terms });
const external = (id: string, name: string, dictionary: string, version: string, href?: string): Codelist => ({
  id,
  name,
  dataType: 'text',
  terms: [],
  external: { dictionary, version, ...(href ? { href } : {}) },
});

const domainCodes: Record<string, string> = {
  AE: 'C49562',
  CM: 'C49568',
  DM: 'C49572',
  DS: 'C49576',
  EX: 'C49587',
  IE: 'C61536',
  LB: 'C49592',
  MH: 'C49603',
  QS: 'C49609',
  SV: 'C49617',
  TA: 'C49618',
  TE: 'C49619',
  TI: 'C49620',
  TS: 'C53483',
  TV: 'C49621',
  VS: 'C49622',
};

const fixed: Codelist[] = [
  ...Object.entries(domainCodes).map(([d, code]) => cdisc(`DOMAIN.${d}`, `SDTM Domain Abbreviation, subset used for ${d}`, 'C66734', [t(d, code)])),
  cdisc('NY', 'No Yes Response', 'C66742', [t('N', 'C49487', 'No'), t('Y', 'C49488', 'Yes')]),
  cdisc('SEX', 'Sex', 'C66731', [t('F', 'C16576', 'Female'), t('M', 'C20197', 'Male'), t('U', 'C17998', 'Unknown')]),
  cdisc('AGEU', 'Age Unit', 'C66781', [t('YEARS', 'C29848')]),
  cdisc('RACE', 'Race', 'C74457', [
    t('AMERICAN INDIAN OR ALASKA NATIVE', 'C41259'),
    t('ASIAN', 'C41260'),
    t('BLACK OR AFRICAN AMERICAN', 'C16352'),
    t('NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER', 'C41219'),
    t('WHITE', 'C41261'),
  ]),
  cdisc('ARMNRS', 'Arm Null Reason', 'C142179', [t('SCREEN FAILURE', 'C49628'), t('ASSIGNED, NOT TREATED'), t('NOT ASSIGNED')]),
  cdisc('ACN', 'Action Taken with Study Treatment', 'C66767', [
    t('DOSE INCREASED', 'C49503'),
    t('DOSE NOT CHANGED', 'C49504'),
    t('DOSE REDUCED', 'C49505'),
    t('DRUG INTERRUPTED', 'C49501'),
    t('DRUG WITHDRAWN', 'C49502'),
    t('NOT APPLICABLE', 'C48660'),
    t('UNKNOWN', 'C17998'),
  ]),
  cdisc('OUT', 'Outcome of Event', 'C66768', [
    t('FATAL', 'C48275'),
    t('NOT RECOVERED/NOT RESOLVED', 'C49494'),
    t('RECOVERED/RESOLVED', 'C49498'),
    t('RECOVERED/RESOLVED WITH SEQUELAE', 'C49495'),
    t('RECOVERING/RESOLVING', 'C49496'),
    t('UNKNOWN', 'C17998'),
  ]),
  cdisc('EPOCH', 'Epoch', 'C99079', [t('SCREENING', 'C48262'), t('TREATMENT', 'C101526'), t('FOLLOW-UP', 'C99158')]),
  cdisc('DSCAT', 'Category for Disposition Event', 'C74558', [t('DISPOSITION EVENT', 'C74590'), t('PROTOCOL MILESTONE', 'C74588')]),
  // DSDECOD draws on NCOMPLT (C66727) for disposition events and PROTMLST (C114118) for milestones.
  sponsor('DSDECOD', 'Standardized Disposition Term (NCOMPLT, PROTMLST)', [
    t('COMPLETED', 'C25250'),
    t('DEATH', 'C28554'),
    t('SCREEN FAILURE', 'C49628'),
    t('WITHDRAWAL BY SUBJECT', 'C49634'),
    t('DLT OBSERVATION PERIOD COMPLETED'),
  ]),
  cdisc('DSSCAT', 'Subcategory for Disposition Event', 'C170443', [t('STUDY PARTICIPATION')]),
  cdisc('IECAT', 'Category for Inclusion/Exclusion', 'C66797', [t('EXCLUSION', 'C25370'), t('INCLUSION', 'C25532')]),
  cdisc('FREQ', 'Frequency', 'C71113', [t('ONCE', 'C64576'), t('QD', 'C25473'), t('BID', 'C64496'), t('TID'), t('QID', 'C64530')]),
  cdisc('ROUTE', 'Route of Administration', 'C66729', [t('INTRAVENOUS', 'C38276')]),
  cdisc('FRM', 'Pharmaceutical Dosage Form', 'C66726', [t('INJECTION', 'C42946')]),
  cdisc('NRIND', 'Reference Range Indicator', 'C78736', [t('ABNORMAL', 'C78802'), t('HIGH', 'C78800'), t('LOW', 'C78801'), t('NORMAL', 'C78727')]),
  cdisc('SPECTYPE', 'Specimen Type', 'C78734', [t('BLOOD'), t('PLASMA'), t('SERUM'), t('URINE')]),
  cdisc('MHEDTTYP', 'Medical History Event Date Type', 'C124301', [t('DIAGNOSIS')]),
  cdisc('EVAL', 'Evaluator', 'C78735', [t('INVESTIGATOR')]),
  sponsor('AEREL', 'Causality', [t('NOT RELATED'), t('UNLIKELY RELATED'), t('POSSIBLY RELATED'), t('PROBABLY RELATED'), t('RELATED')]),
  sponsor('TOXGR', 'Toxicity Grade (NCI CTCAE v5.0; ASTCT 2019 consensus for CRS and ICANS)', ['1', '2', '3', '4', '5'].map((g) => t(g))),
  sponsor('QNAM.AE', 'Supplemental Qualifier Names for AE', [
    t('AEDLT', undefined, 'Dose-Limiting Toxicity'),
    t('AETOXSCL', undefined, 'Toxicity Grading Scale'),
    t('AEGRDRV', undefined, 'Toxicity Grade Derived by FirstDose'),
  ]),
  external('MEDDRA', 'MedDRA', 'MedDRA', 'not coded'),
  external('LOINC', 'LOINC', 'LOINC', '2.x', 'https://loinc.org'),
  external('COUNTRY', 'Country', 'ISO 3166-1 alpha-3', '2020'),
  external('ISO21090', 'Null Flavor', 'ISO 21090 NullFlavor', '2011'),
];

const byId = new Map(fixed.map((c) => [c.id, c]));

/** A fixed codelist by id; undefined for the ones built from the trial (arms, tests, criteria). */
export const codelist = (id: string): Codelist | undefined => byId.get(id);

/** Codelists whose terms come from the protocol or the data: built by the mapping, listed here by id. */
export function sponsorCodelist(id: string, name: string, terms: readonly Term[], code?: string, open = false): Codelist {
  return { id, name, dataType: 'text', terms, ...(code ? { code } : {}), ...(open ? { open } : {}) };
}
