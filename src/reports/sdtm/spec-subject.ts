// DM, DS, IE, MH and SV: the subject's place in the trial. Variables are SDTMIG 3.4's, in its
// order, keeping the Required and Expected ones and the Permissible ones FirstDose fills.
import type { DomainSpec } from './model.ts';
import { char, dtc, dy, epoch, identifiers, num, seq, visit } from './variables.ts';

export const dm: DomainSpec = {
  name: 'DM',
  domain: 'DM',
  label: 'Demographics',
  class: 'SPECIAL PURPOSE',
  structure: 'One record per subject',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    ...identifiers('DM'),
    char('SUBJID', 'Subject Identifier for the Study', 'Topic', 'Req', 'Collected'),
    dtc('RFSTDTC', 'Subject Reference Start Date/Time', 'Exp', 'Derived'),
    dtc('RFENDTC', 'Subject Reference End Date/Time', 'Exp', 'Derived'),
    dtc('RFXSTDTC', 'Date/Time of First Study Treatment', 'Exp', 'Derived'),
    dtc('RFXENDTC', 'Date/Time of Last Study Treatment', 'Exp', 'Derived'),
    dtc('RFICDTC', 'Date/Time of Informed Consent', 'Exp'),
    dtc('RFPENDTC', 'Date/Time of End of Participation', 'Exp', 'Derived'),
    dtc('DTHDTC', 'Date/Time of Death', 'Exp', 'Derived'),
    char('DTHFL', 'Subject Death Flag', 'Record Qualifier', 'Exp', 'Derived', { codelist: 'NY' }),
    char('SITEID', 'Study Site Identifier', 'Record Qualifier', 'Req', 'Assigned'),
    num('AGE', 'Age', 'Record Qualifier', 'Exp', 'Derived', { integer: true, method: 'AGE' }),
    char('AGEU', 'Age Units', 'Variable Qualifier', 'Exp', 'Assigned', { codelist: 'AGEU' }),
    char('SEX', 'Sex', 'Record Qualifier', 'Req', 'Collected', { codelist: 'SEX' }),
    char('RACE', 'Race', 'Record Qualifier', 'Exp', 'Collected', { codelist: 'RACE' }),
    char('ARMCD', 'Planned Arm Code', 'Record Qualifier', 'Exp', 'Assigned', { codelist: 'ARMCD' }),
    char('ARM', 'Description of Planned Arm', 'Synonym Qualifier', 'Exp', 'Assigned', { codelist: 'ARM' }),
    char('ACTARMCD', 'Actual Arm Code', 'Record Qualifier', 'Exp', 'Derived', { codelist: 'ARMCD' }),
    char('ACTARM', 'Description of Actual Arm', 'Synonym Qualifier', 'Exp', 'Derived', { codelist: 'ARM' }),
    char('ARMNRS', 'Reason Arm and/or Actual Arm is Null', 'Record Qualifier', 'Exp', 'Derived', { codelist: 'ARMNRS' }),
    char('ACTARMUD', 'Description of Unplanned Actual Arm', 'Record Qualifier', 'Exp', 'Collected'),
    char('COUNTRY', 'Country', 'Record Qualifier', 'Req', 'Protocol', { codelist: 'COUNTRY' }),
  ],
};

export const ds: DomainSpec = {
  name: 'DS',
  domain: 'DS',
  label: 'Disposition',
  class: 'EVENTS',
  structure: 'One record per disposition status or protocol milestone per subject',
  keys: ['STUDYID', 'USUBJID', 'DSSTDTC', 'DSCAT', 'DSDECOD'],
  variables: [
    ...identifiers('DS'),
    seq('DS'),
    char('DSTERM', 'Reported Term for the Disposition Event', 'Topic', 'Req', 'Collected'),
    char('DSDECOD', 'Standardized Disposition Term', 'Synonym Qualifier', 'Req', 'Assigned', { codelist: 'DSDECOD' }),
    char('DSCAT', 'Category for Disposition Event', 'Grouping Qualifier', 'Exp', 'Assigned', { codelist: 'DSCAT' }),
    char('DSSCAT', 'Subcategory for Disposition Event', 'Grouping Qualifier', 'Perm', 'Assigned', { codelist: 'DSSCAT' }),
    epoch(),
    dtc('DSSTDTC', 'Start Date/Time of Disposition Event', 'Exp'),
    dy('DSSTDY', 'Study Day of Start of Disposition Event', 'Exp'),
  ],
};

export const ie: DomainSpec = {
  name: 'IE',
  domain: 'IE',
  label: 'Inclusion/Exclusion Criteria Not Met',
  class: 'FINDINGS',
  structure: 'One record per inclusion/exclusion criterion not met per subject',
  keys: ['STUDYID', 'USUBJID', 'IETESTCD'],
  variables: [
    ...identifiers('IE'),
    seq('IE'),
    char('IESPID', 'Sponsor-Defined Identifier', 'Identifier', 'Perm', 'Protocol'),
    char('IETESTCD', 'Inclusion/Exclusion Criterion Short Name', 'Topic', 'Req', 'Protocol', { codelist: 'IETESTCD' }),
    char('IETEST', 'Inclusion/Exclusion Criterion', 'Synonym Qualifier', 'Req', 'Protocol'),
    char('IECAT', 'Inclusion/Exclusion Category', 'Grouping Qualifier', 'Req', 'Protocol', { codelist: 'IECAT' }),
    char('IEORRES', 'I/E Criterion Original Result', 'Result Qualifier', 'Req', 'Derived', { codelist: 'NY', method: 'IEORRES' }),
    char('IESTRESC', 'I/E Criterion Result in Std Format', 'Result Qualifier', 'Req', 'Derived', { codelist: 'NY', method: 'IEORRES' }),
    ...visit('Perm'),
    epoch(),
    dtc('IEDTC', 'Date/Time of Collection', 'Perm'),
    dy('IEDY', 'Study Day of Collection'),
  ],
};

export const mh: DomainSpec = {
  name: 'MH',
  domain: 'MH',
  label: 'Medical History',
  class: 'EVENTS',
  structure: 'One record per medical history event per subject',
  keys: ['STUDYID', 'USUBJID', 'MHTERM', 'MHSTDTC'],
  variables: [
    ...identifiers('MH'),
    seq('MH'),
    char('MHTERM', 'Reported Term for the Medical History', 'Topic', 'Req', 'Collected'),
    char('MHDECOD', 'Dictionary-Derived Term', 'Synonym Qualifier', 'Perm', 'Assigned', { codelist: 'MEDDRA' }),
    char('MHEVDTYP', 'Medical History Event Date Type', 'Variable Qualifier', 'Perm', 'Assigned', { codelist: 'MHEDTTYP' }),
    char('MHCAT', 'Category for Medical History', 'Grouping Qualifier', 'Perm', 'Assigned'),
    char('MHPRESP', 'Medical History Event Pre-Specified', 'Variable Qualifier', 'Perm', 'Assigned', { codelist: 'NY' }),
    char('MHOCCUR', 'Medical History Occurrence', 'Record Qualifier', 'Perm', 'Collected', { codelist: 'NY' }),
    dtc('MHDTC', 'Date/Time of History Collection', 'Perm'),
    dtc('MHSTDTC', 'Start Date/Time of Medical History Event', 'Perm'),
    dy('MHDY', 'Study Day of History Collection'),
  ],
};

export const sv: DomainSpec = {
  name: 'SV',
  domain: 'SV',
  label: 'Subject Visits',
  class: 'SPECIAL PURPOSE',
  structure: 'One record per actual or planned visit per subject',
  keys: ['STUDYID', 'USUBJID', 'VISITNUM'],
  variables: [
    ...identifiers('SV'),
    num('VISITNUM', 'Visit Number', 'Topic', 'Req', 'Protocol'),
    char('VISIT', 'Visit Name', 'Synonym Qualifier', 'Perm', 'Protocol'),
    char('SVPRESP', 'Pre-specified', 'Variable Qualifier', 'Exp', 'Assigned', { codelist: 'NY' }),
    char('SVOCCUR', 'Occurrence', 'Record Qualifier', 'Exp', 'Collected', { codelist: 'NY' }),
    num('VISITDY', 'Planned Study Day of Visit', 'Timing', 'Perm', 'Protocol', { integer: true }),
    dtc('SVSTDTC', 'Start Date/Time of Observation', 'Exp'),
    dtc('SVENDTC', 'End Date/Time of Observation', 'Exp'),
    dy('SVSTDY', 'Study Day of Start of Observation'),
    dy('SVENDY', 'Study Day of End of Observation'),
  ],
};
