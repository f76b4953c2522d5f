// The derivations define.xml describes (MethodDef), one sentence each, as the mapping does them.
export const methods: Readonly<Record<string, string>> = {
  USUBJID: 'STUDYID, SITEID and SUBJID (the screening number) joined by hyphens; no names or hospital identifiers.',
  SEQ: 'Sequential number of the record within the subject (within the parameter for TS), in the order of the dataset keys.',
  STUDYDAY:
    'Study day relative to DM.RFSTDTC (the start of the HN2301 infusion): date minus RFSTDTC date plus 1 when on or after RFSTDTC, date minus RFSTDTC date when before it; there is no day 0. Empty when either date is missing or partial.',
  EPOCH: 'SCREENING before RFSTDTC; TREATMENT from RFSTDTC to the last day of the DLT window (infusion day + protocol dlt.windowDays); FOLLOW-UP after it.',
  VISITNUM: 'The protocol visit the record was entered against, else the visit done on the same date; visits are numbered 1.. in the protocol schedule order.',
  VISITDY: 'Protocol day (infusion = day 0) plus 1 when not negative, as SDTM study days have no day 0.',
  AGE: 'Completed years from the birth date recorded at screening to RFSTDTC (to the screening date when not dosed).',
  AEACN: 'NOT APPLICABLE when the event starts on or after the single HN2301 infusion; empty before it.',
  IEORRES: 'N for an inclusion criterion the screening evaluation found not met; Y for an exclusion criterion found met.',
  STRES: 'The original result converted to the standard unit of the test (SI), with mass-to-molar conversion for creatinine and bilirubin; character results upper-cased.',
  NRIND: 'LOW below the recorded lower limit, HIGH above the upper limit, NORMAL otherwise; empty without a range.',
  LOBXFL: 'Y on the last record with a result before RFXSTDTC, per subject and test.',
  QSSTRES: 'SLEDAI-2K descriptor: its weight when present, 0 when absent; totals: sum of the weights present (clinical score without low complement and increased DNA binding).',
};
