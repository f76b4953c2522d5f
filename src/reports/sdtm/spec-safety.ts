// AE (with SUPPAE for the DLT call and the grading scale), EX and CM. Variables are SDTMIG
// 3.4's, in its order: the Required and Expected ones (MedDRA codes stay empty until coded) and
// the Permissible ones FirstDose fills.
import type { DomainSpec, VariableSpec } from './model.ts';
import { char, dtc, dy, epoch, identifiers, num, seq } from './variables.ts';

const meddra = (name: string, label: string, type: 'Char' | 'Num', role = 'Variable Qualifier', core: 'Req' | 'Exp' = 'Exp'): VariableSpec =>
  type === 'Char' ? char(name, label, role, core, 'Assigned', { codelist: 'MEDDRA' }) : num(name, label, role, core, 'Assigned', { codelist: 'MEDDRA', integer: true });

export const ae: DomainSpec = {
  name: 'AE',
  domain: 'AE',
  label: 'Adverse Events',
  class: 'EVENTS',
  structure: 'One record per adverse event per subject',
  keys: ['STUDYID', 'USUBJID', 'AETERM', 'AESTDTC'],
  variables: [
    ...identifiers('AE'),
    seq('AE'),
    char('AESPID', 'Sponsor-Defined Identifier', 'Identifier', 'Perm', 'Assigned'),
    char('AETERM', 'Reported Term for the Adverse Event', 'Topic', 'Req', 'Collected'),
    meddra('AELLT', 'Lowest Level Term', 'Char'),
    meddra('AELLTCD', 'Lowest Level Term Code', 'Num'),
    meddra('AEDECOD', 'Dictionary-Derived Term', 'Char', 'Synonym Qualifier', 'Req'),
    meddra('AEPTCD', 'Preferred Term Code', 'Num'),
    meddra('AEHLT', 'High Level Term', 'Char'),
    meddra('AEHLTCD', 'High Level Term Code', 'Num'),
    meddra('AEHLGT', 'High Level Group Term', 'Char'),
    meddra('AEHLGTCD', 'High Level Group Term Code', 'Num'),
    meddra('AEBODSYS', 'Body System or Organ Class', 'Char', 'Record Qualifier'),
    meddra('AEBDSYCD', 'Body System or Organ Class Code', 'Num'),
    meddra('AESOC', 'Primary System Organ Class', 'Char'),
    meddra('AESOCCD', 'Primary System Organ Class Code', 'Num'),
    char('AESER', 'Serious Event', 'Record Qualifier', 'Exp', 'Collected', { codelist: 'NY' }),
    char('AEACN', 'Action Taken with Study Treatment', 'Record Qualifier', 'Exp', 'Derived', { codelist: 'ACN', method: 'AEACN' }),
    char('AEACNOTH', 'Other Action Taken', 'Record Qualifier', 'Perm', 'Collected'),
    char('AEREL', 'Causality', 'Record Qualifier', 'Exp', 'Collected', { codelist: 'AEREL' }),
    char('AEOUT', 'Outcome of Adverse Event', 'Record Qualifier', 'Perm', 'Collected', { codelist: 'OUT' }),
    char('AETOXGR', 'Standard Toxicity Grade', 'Record Qualifier', 'Perm', 'Collected', { codelist: 'TOXGR' }),
    epoch(),
    dtc('AESTDTC', 'Start Date/Time of Adverse Event', 'Exp'),
    dtc('AEENDTC', 'End Date/Time of Adverse Event', 'Exp'),
    dy('AESTDY', 'Study Day of Start of Adverse Event'),
    dy('AEENDY', 'Study Day of End of Adverse Event'),
  ],
};

export const suppae: DomainSpec = {
  name: 'SUPPAE',
  domain: 'AE',
  label: 'Supplemental Qualifiers for AE',
  class: 'RELATIONSHIP',
  structure: 'One record per supplemental qualifier per related parent domain record',
  keys: ['STUDYID', 'RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'QNAM'],
  variables: [
    char('STUDYID', 'Study Identifier', 'Identifier', 'Req', 'Protocol'),
    char('RDOMAIN', 'Related Domain Abbreviation', 'Identifier', 'Req', 'Assigned', { codelist: 'DOMAIN.AE' }),
    char('USUBJID', 'Unique Subject Identifier', 'Identifier', 'Req', 'Derived', { method: 'USUBJID' }),
    char('IDVAR', 'Identifying Variable', 'Identifier', 'Exp', 'Assigned'),
    char('IDVARVAL', 'Identifying Variable Value', 'Identifier', 'Exp', 'Assigned'),
    char('QNAM', 'Qualifier Variable Name', 'Topic', 'Req', 'Assigned', { codelist: 'QNAM.AE' }),
    char('QLABEL', 'Qualifier Variable Label', 'Synonym Qualifier', 'Req', 'Assigned'),
    char('QVAL', 'Data Value', 'Result Qualifier', 'Req', 'Collected'),
    char('QORIG', 'Origin', 'Record Qualifier', 'Req', 'Assigned'),
    char('QEVAL', 'Evaluator', 'Record Qualifier', 'Exp', 'Assigned', { codelist: 'EVAL' }),
  ],
};

export const ex: DomainSpec = {
  name: 'EX',
  domain: 'EX',
  label: 'Exposure',
  class: 'INTERVENTIONS',
  structure: 'One record per constant dosing interval per subject',
  keys: ['STUDYID', 'USUBJID', 'EXTRT', 'EXSTDTC'],
  variables: [
    ...identifiers('EX'),
    seq('EX'),
    char('EXTRT', 'Name of Treatment', 'Topic', 'Req', 'Protocol'),
    num('EXDOSE', 'Dose', 'Record Qualifier', 'Exp', 'Collected'),
    char('EXDOSTXT', 'Dose Description', 'Record Qualifier', 'Perm', 'Protocol'),
    char('EXDOSU', 'Dose Units', 'Variable Qualifier', 'Exp', 'Collected', { codelist: 'UNIT' }),
    char('EXDOSFRM', 'Dose Form', 'Variable Qualifier', 'Exp', 'Protocol', { codelist: 'FRM' }),
    char('EXDOSFRQ', 'Dosing Frequency per Interval', 'Record Qualifier', 'Perm', 'Protocol', { codelist: 'FREQ' }),
    char('EXROUTE', 'Route of Administration', 'Variable Qualifier', 'Perm', 'Protocol', { codelist: 'ROUTE' }),
    epoch(),
    dtc('EXSTDTC', 'Start Date/Time of Treatment', 'Exp'),
    dtc('EXENDTC', 'End Date/Time of Treatment', 'Exp'),
    dy('EXSTDY', 'Study Day of Start of Treatment'),
    dy('EXENDY', 'Study Day of End of Treatment'),
  ],
};

export const cm: DomainSpec = {
  name: 'CM',
  domain: 'CM',
  label: 'Concomitant/Prior Medications',
  class: 'INTERVENTIONS',
  structure: 'One record per recorded intervention occurrence or constant-dosing interval per subject',
  keys: ['STUDYID', 'USUBJID', 'CMTRT', 'CMSTDTC'],
  variables: [
    ...identifiers('CM'),
    seq('CM'),
    char('CMSPID', 'Sponsor-Defined Identifier', 'Identifier', 'Perm', 'Collected'),
    char('CMTRT', 'Reported Name of Drug, Med, or Therapy', 'Topic', 'Req', 'Collected'),
    char('CMCAT', 'Category for Medication', 'Grouping Qualifier', 'Perm', 'Assigned'),
    char('CMINDC', 'Indication', 'Record Qualifier', 'Perm', 'Assigned'),
    num('CMDOSE', 'Dose per Administration', 'Record Qualifier', 'Perm', 'Collected'),
    char('CMDOSU', 'Dose Units', 'Variable Qualifier', 'Perm', 'Collected', { codelist: 'UNIT' }),
    char('CMDOSFRQ', 'Dosing Frequency per Interval', 'Record Qualifier', 'Perm', 'Collected', { codelist: 'FREQ' }),
    epoch(),
    dtc('CMSTDTC', 'Start Date/Time of Medication', 'Perm'),
    dy('CMSTDY', 'Study Day of Start of Medication'),
  ],
};
