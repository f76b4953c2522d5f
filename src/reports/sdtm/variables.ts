// Builders for variable metadata, so each domain's table reads like its SDTMIG 3.4 specification
// row by row. Labels are the IG's, verbatim.
import type { Core, OriginType, VariableSpec } from './model.ts';

type Extra = Partial<Pick<VariableSpec, 'codelist' | 'method' | 'integer' | 'iso8601'>>;

export const char = (name: string, label: string, role: string, core: Core, origin: OriginType, extra: Extra = {}): VariableSpec => ({
  name,
  label,
  type: 'Char',
  role,
  core,
  origin,
  ...extra,
});

export const num = (name: string, label: string, role: string, core: Core, origin: OriginType, extra: Extra = {}): VariableSpec => ({
  name,
  label,
  type: 'Num',
  role,
  core,
  origin,
  ...extra,
});

/** STUDYID, DOMAIN and (for subject domains) USUBJID, as every SDTM dataset starts. */
export function identifiers(domain: string, subject = true): VariableSpec[] {
  return [
    char('STUDYID', 'Study Identifier', 'Identifier', 'Req', 'Protocol'),
    char('DOMAIN', 'Domain Abbreviation', 'Identifier', 'Req', 'Assigned', { codelist: `DOMAIN.${domain}` }),
    ...(subject ? [char('USUBJID', 'Unique Subject Identifier', 'Identifier', 'Req', 'Derived', { method: 'USUBJID' })] : []),
  ];
}

export const seq = (prefix: string) => num(`${prefix}SEQ`, 'Sequence Number', 'Identifier', 'Req', 'Derived', { integer: true, method: 'SEQ' });

/** A --DTC variable: ISO 8601, collected. */
export const dtc = (name: string, label: string, core: Core, origin: OriginType = 'Collected') => char(name, label, 'Timing', core, origin, { iso8601: true });

/** A --DY variable: study day relative to RFSTDTC, no day 0. */
export const dy = (name: string, label: string, core: Core = 'Perm') => num(name, label, 'Timing', core, 'Derived', { integer: true, method: 'STUDYDAY' });

export const epoch = () => char('EPOCH', 'Epoch', 'Timing', 'Perm', 'Derived', { codelist: 'EPOCH', method: 'EPOCH' });

export const visit = (core: Core = 'Exp') => [
  num('VISITNUM', 'Visit Number', 'Timing', core, 'Derived', { method: 'VISITNUM' }),
  char('VISIT', 'Visit Name', 'Timing', 'Perm', 'Derived', { method: 'VISITNUM' }),
];
