// LB, VS and QS. Variables are SDTMIG 3.4's, in its order, keeping the Required and Expected
// ones and the Permissible ones FirstDose fills.
import type { DomainSpec } from './model.ts';
import { char, dtc, dy, epoch, identifiers, num, seq, visit } from './variables.ts';

const lobxfl = (prefix: string) =>
  char(`${prefix}LOBXFL`, 'Last Observation Before Exposure Flag', 'Record Qualifier', 'Exp', 'Derived', { codelist: 'NY', method: 'LOBXFL' });

export const lb: DomainSpec = {
  name: 'LB',
  domain: 'LB',
  label: 'Laboratory Test Results',
  class: 'FINDINGS',
  structure: 'One record per lab test per time point per visit per subject',
  keys: ['STUDYID', 'USUBJID', 'LBTESTCD', 'LBDTC'],
  variables: [
    ...identifiers('LB'),
    seq('LB'),
    char('LBTESTCD', 'Lab Test or Examination Short Name', 'Topic', 'Req', 'Assigned', { codelist: 'LBTESTCD' }),
    char('LBTEST', 'Lab Test or Examination Name', 'Synonym Qualifier', 'Req', 'Assigned', { codelist: 'LBTEST' }),
    char('LBCAT', 'Category for Lab Test', 'Grouping Qualifier', 'Exp', 'Assigned'),
    char('LBORRES', 'Result or Finding in Original Units', 'Result Qualifier', 'Exp', 'Collected'),
    char('LBORRESU', 'Original Units', 'Variable Qualifier', 'Exp', 'Collected', { codelist: 'UNIT' }),
    char('LBORNRLO', 'Reference Range Lower Limit in Orig Unit', 'Variable Qualifier', 'Exp', 'Collected'),
    char('LBORNRHI', 'Reference Range Upper Limit in Orig Unit', 'Variable Qualifier', 'Exp', 'Collected'),
    char('LBSTRESC', 'Character Result/Finding in Std Format', 'Result Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    num('LBSTRESN', 'Numeric Result/Finding in Standard Units', 'Result Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    char('LBSTRESU', 'Standard Units', 'Variable Qualifier', 'Exp', 'Derived', { codelist: 'UNIT', method: 'STRES' }),
    num('LBSTNRLO', 'Reference Range Lower Limit-Std Units', 'Variable Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    num('LBSTNRHI', 'Reference Range Upper Limit-Std Units', 'Variable Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    char('LBNRIND', 'Reference Range Indicator', 'Variable Qualifier', 'Exp', 'Derived', { codelist: 'NRIND', method: 'NRIND' }),
    char('LBLOINC', 'LOINC Code', 'Synonym Qualifier', 'Perm', 'Collected', { codelist: 'LOINC' }),
    char('LBSPEC', 'Specimen Type', 'Record Qualifier', 'Perm', 'Assigned', { codelist: 'SPECTYPE' }),
    lobxfl('LB'),
    ...visit(),
    epoch(),
    dtc('LBDTC', 'Date/Time of Specimen Collection', 'Exp'),
    dy('LBDY', 'Study Day of Specimen Collection'),
  ],
};

export const vs: DomainSpec = {
  name: 'VS',
  domain: 'VS',
  label: 'Vital Signs',
  class: 'FINDINGS',
  structure: 'One record per vital sign measurement per time point per visit per subject',
  keys: ['STUDYID', 'USUBJID', 'VSTESTCD', 'VSDTC'],
  variables: [
    ...identifiers('VS'),
    seq('VS'),
    char('VSTESTCD', 'Vital Signs Test Short Name', 'Topic', 'Req', 'Assigned', { codelist: 'VSTESTCD' }),
    char('VSTEST', 'Vital Signs Test Name', 'Synonym Qualifier', 'Req', 'Assigned', { codelist: 'VSTEST' }),
    char('VSORRES', 'Result or Finding in Original Units', 'Result Qualifier', 'Exp', 'Collected'),
    char('VSORRESU', 'Original Units', 'Variable Qualifier', 'Exp', 'Collected', { codelist: 'VSRESU' }),
    char('VSSTRESC', 'Character Result/Finding in Std Format', 'Result Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    num('VSSTRESN', 'Numeric Result/Finding in Standard Units', 'Result Qualifier', 'Exp', 'Derived', { method: 'STRES' }),
    char('VSSTRESU', 'Standard Units', 'Variable Qualifier', 'Exp', 'Derived', { codelist: 'VSRESU', method: 'STRES' }),
    lobxfl('VS'),
    ...visit(),
    epoch(),
    dtc('VSDTC', 'Date/Time of Measurements', 'Exp'),
    dy('VSDY', 'Study Day of Vital Signs'),
  ],
};

export const qs: DomainSpec = {
  name: 'QS',
  domain: 'QS',
  label: 'Questionnaires',
  class: 'FINDINGS',
  structure: 'One record per questionnaire per question per time point per visit per subject',
  keys: ['STUDYID', 'USUBJID', 'QSCAT', 'QSTESTCD', 'QSDTC'],
  variables: [
    ...identifiers('QS'),
    seq('QS'),
    char('QSTESTCD', 'Question Short Name', 'Topic', 'Req', 'Assigned', { codelist: 'QSTESTCD' }),
    char('QSTEST', 'Question Name', 'Synonym Qualifier', 'Req', 'Assigned', { codelist: 'QSTEST' }),
    char('QSCAT', 'Category of Question', 'Grouping Qualifier', 'Req', 'Assigned', { codelist: 'QSCAT' }),
    char('QSORRES', 'Finding in Original Units', 'Result Qualifier', 'Exp', 'Collected'),
    char('QSSTRESC', 'Character Result/Finding in Std Format', 'Result Qualifier', 'Exp', 'Derived', { method: 'QSSTRES' }),
    num('QSSTRESN', 'Numeric Finding in Standard Units', 'Result Qualifier', 'Perm', 'Derived', { method: 'QSSTRES' }),
    lobxfl('QS'),
    char('QSDRVFL', 'Derived Flag', 'Record Qualifier', 'Perm', 'Derived', { codelist: 'NY' }),
    ...visit(),
    epoch(),
    dtc('QSDTC', 'Date/Time of Finding', 'Exp'),
    dy('QSDY', 'Study Day of Finding'),
  ],
};
